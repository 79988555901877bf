import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createDataSource } from '../../data/dataSource.js';
import { loadDataset } from '../../data/loadDataset.js';
import { checkpointDir } from '../../run/checkpointDir.js';
import { loadCheckpoint } from '../../train/checkpoint.js';
import { evaluate } from '../../train/evaluate.js';
import { accuracyDrift } from '../accuracyDrift.js';
import { numberOption } from '../options.js';
import { printAccuracyTable, printBackend } from '../report.js';
import { UsageError } from '../usageError.js';

/** Default largest per-class difference from the stored accuracies (one image in 100). */
const DEFAULT_TOLERANCE = 0.01;

export const evalUsage = `mu eval <checkpoint id | path/to/<id>.json> [--split test|train|both] [--tolerance ${DEFAULT_TOLERANCE}]
  Evaluates a saved model per class and compares with the accuracies stored in its checkpoint;
  fails (exit 1) when a class differs by more than --tolerance on a split it evaluated.`;

/** Resolves a checkpoint id (in the checkpoint folder) or a path to its JSON file. */
export function resolveCheckpointPath(ref: string): string {
  const candidate = ref.endsWith('.json') ? path.resolve(ref) : path.join(checkpointDir(), `${ref}.json`);
  if (!existsSync(candidate)) throw new Error(`checkpoint not found: ${ref} (looked for ${candidate})`);
  return candidate;
}

export async function evalCheckpoint(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args: argv, strict: true, allowPositionals: true, options: { split: { type: 'string' }, tolerance: { type: 'string' } } });
  if (positionals.length !== 1) throw new UsageError('expected one checkpoint id or path');
  const split = values.split ?? 'both';
  if (!['test', 'train', 'both'].includes(split)) throw new UsageError(`invalid --split: ${split} (expected test, train, both)`);
  const tolerance = numberOption(values, 'tolerance') ?? DEFAULT_TOLERANCE;
  if (tolerance < 0 || tolerance > 1) throw new UsageError(`invalid --tolerance: ${tolerance} (expected a number in [0, 1])`);
  await printBackend();
  const { model, meta } = await loadCheckpoint(resolveCheckpointPath(positionals[0]));
  try {
    const data = await loadDataset(meta.dataset.id);
    if (data.checksum !== meta.dataset.checksum) console.error(`warning: ${meta.dataset.id} files differ from those the model was trained on`);
    const perClass = async (set: typeof data.train) => {
      const source = createDataSource(set, Int32Array.from({ length: set.count }, (_, i) => i), data.descriptor);
      return (await evaluate(model, source)).perClass;
    };
    const measured = {
      train: split === 'test' ? null : await perClass(data.train),
      test: split === 'train' ? null : await perClass(data.test),
    };
    console.log(`model ${meta.id}: ${meta.role}, ${meta.model.architecture}, ${meta.dataset.id}${meta.forgetClass === null ? '' : `, forget class ${meta.forgetClass}`}`);
    printAccuracyTable({ train: measured.train ?? meta.accuracy.train, test: measured.test ?? meta.accuracy.test }, meta.dataset.id);
    for (const s of ['train', 'test'] as const) {
      const values = measured[s];
      if (values === null) continue;
      const { drift, cls } = accuracyDrift(values, meta.accuracy[s]);
      console.log(`${s}: max |Δ| vs stored accuracy ${drift.toFixed(4)}${cls === null ? '' : ` (class ${cls})`}, tolerance ${tolerance}`);
      if (drift > tolerance) throw new Error(`${s} accuracy of class ${cls} differs from the stored one by ${drift.toFixed(4)} (more than --tolerance ${tolerance})`);
    }
  } finally {
    model.dispose();
  }
}
