import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createDataSource } from '../../data/dataSource.js';
import { loadDataset } from '../../data/loadDataset.js';
import { checkpointDir } from '../../run/checkpointDir.js';
import { loadCheckpoint } from '../../train/checkpoint.js';
import { evaluate } from '../../train/evaluate.js';
import { printAccuracyTable, printBackend } from '../report.js';
import { UsageError } from '../usageError.js';

export const evalUsage = `mu eval <checkpoint id | path/to/<id>.json> [--split test|train|both]
  Evaluates a saved model per class and compares with the accuracies stored in its checkpoint.`;

/** Resolves a checkpoint id (in the checkpoint folder) or a path to its JSON file. */
export function resolveCheckpointPath(ref: string): string {
  const candidate = ref.endsWith('.json') ? path.resolve(ref) : path.join(checkpointDir(), `${ref}.json`);
  if (!existsSync(candidate)) throw new Error(`checkpoint not found: ${ref} (looked for ${candidate})`);
  return candidate;
}

export async function evalCheckpoint(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args: argv, strict: true, allowPositionals: true, options: { split: { type: 'string' } } });
  if (positionals.length !== 1) throw new UsageError('expected one checkpoint id or path');
  const split = values.split ?? 'both';
  if (!['test', 'train', 'both'].includes(split)) throw new UsageError(`invalid --split: ${split} (expected test, train, both)`);
  await printBackend();
  const { model, meta } = await loadCheckpoint(resolveCheckpointPath(positionals[0]));
  try {
    const data = await loadDataset(meta.dataset.id);
    if (data.checksum !== meta.dataset.checksum) console.error(`warning: ${meta.dataset.id} files differ from those the model was trained on`);
    const perClass = async (set: typeof data.train) => {
      const source = createDataSource(set, Int32Array.from({ length: set.count }, (_, i) => i), data.descriptor);
      return (await evaluate(model, source)).perClass.map((a) => a ?? 0);
    };
    const test = await perClass(data.test);
    const train = split === 'test' ? meta.accuracy.train : await perClass(data.train);
    console.log(`model ${meta.id}: ${meta.role}, ${meta.model.architecture}, ${meta.dataset.id}${meta.forgetClass === null ? '' : `, forget class ${meta.forgetClass}`}`);
    printAccuracyTable({ train, test: split === 'train' ? meta.accuracy.test : test }, meta.dataset.id);
    const drift = Math.max(...test.map((a, c) => Math.abs(a - meta.accuracy.test[c])));
    console.log(`max |Δ| vs stored test accuracy: ${drift.toFixed(4)}`);
  } finally {
    model.dispose();
  }
}
