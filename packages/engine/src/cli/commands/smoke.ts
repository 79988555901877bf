import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { recipeFor } from '@mu/schema';
import { runRecipePipeline, type MethodRun } from '../../run/recipePipeline.js';
import { scienceChecks } from '../../run/scienceChecks.js';
import { smokeVerdict } from '../../run/smokeVerdict.js';
import { formatDuration } from '../progressReporter.js';
import { integerOption } from '../options.js';
import { printBackend } from '../report.js';
import { printResultTable } from '../resultTable.js';

export const smokeUsage = `mu smoke [--forget-class K] [--keep DIR] [--epochs N]
  The whole pipeline on real CIFAR-10 images (cifar10-mini, the quick recipe): an Original and
  a Retrained model, then FT, GA, RL, SCRUB and SalUn for class K (default 3), every metric, a
  summary table and the scientific checks, one line each. Exits 1 if an enforced check fails.
  --keep DIR keeps the checkpoints and the records (DIR/results/*.json).
  --epochs N overrides the recipe's epochs. Fewer than the recipe's is a shortened run (CI uses 8):
  its Original is not trained to fit, so it enforces the structural checks only and prints the
  fit-dependent ones as n/a (not checked).`;

/**
 * Method settings for the smoke run, printed with each run: the defaults, with fewer epochs where
 * an epoch walks the whole retain set (so that the run fits in minutes on a 2-core CPU).
 */
const SMOKE_METHODS: MethodRun[] = [
  { id: 'ft', params: { epochs: 3 } },
  { id: 'ga', params: {} },
  { id: 'rl', params: { epochs: 2 } },
  { id: 'scrub', params: { epochs: 2 } },
  { id: 'salun', params: { epochs: 2 } },
];

export async function smoke(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: { 'forget-class': { type: 'string' }, keep: { type: 'string' }, epochs: { type: 'string' } },
  });
  const forgetClass = integerOption(values, 'forget-class') ?? 3;
  const dir = values.keep ? path.resolve(values.keep) : mkdtempSync(path.join(os.tmpdir(), 'mu-smoke-'));
  const started = Date.now();
  const elapsed = () => formatDuration((Date.now() - started) / 1000);
  const step = (text: string) => console.error(`[${elapsed()}] ${text}`);
  await printBackend();
  try {
    const recipe = recipeFor('quick', 'cifar10-mini');
    const epochs = integerOption(values, 'epochs');
    const shortened = epochs !== undefined && epochs < recipe.epochs ? { epochs, recipeEpochs: recipe.epochs } : undefined;
    const records = await runRecipePipeline({ recipe, epochs, dataset: 'cifar10-mini', forgetClass, dir, runs: SMOKE_METHODS, step });
    const { classNames } = records[0].config.dataset;
    console.log(`\ncifar10-mini, recipe ${recipe.id} (${recipe.architecture}), forget class ${forgetClass} (${classNames[forgetClass]}); UA = forget-set accuracy, lower = more forgetting`);
    printResultTable(records);
    console.log('');
    const verdict = smokeVerdict(scienceChecks(records), shortened);
    for (const line of verdict.lines) console.log(line);
    console.log(verdict.summary);
    console.log(`total time ${elapsed()}${values.keep ? `, files in ${dir}` : ''}`);
    if (verdict.failed > 0) process.exitCode = 1;
  } finally {
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
  }
}
