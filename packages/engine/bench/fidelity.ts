/**
 * How much the headline metrics of each built-in method vary with the seed, on the quick recipe:
 * one Original and one Retrained model (cifar10-mini, forget class 3), then every method at its
 * defaults with each seed, evaluated with the small UMAP/CKA settings (the headline metrics do not
 * depend on them).
 *
 *   pnpm bench:fidelity [--seeds 1,2,3] [--methods ft,ga,…] [--forget-class 3] [--keep DIR]
 *
 * Prints mean ± sd of UA, RA, TUA, TRA, PS and RTE per method (markdown) and writes
 * bench-output/fidelity.json. Retrain is left out by default: at its defaults it trains the
 * reference recipe (200 epochs), a GPU job; the Retrained row is the recipe's exact unlearning.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { recipeFor } from '@mu/schema';
import { initBackend } from '../src/backend/selectBackend.js';
import { findRepoRoot } from '../src/data/repoRoot.js';
import { builtInMethods } from '../src/methods/builtInMethods.js';
import { FAST_EVALUATION } from '../src/run/evaluateModel.js';
import { runRecipePipeline } from '../src/run/recipePipeline.js';
import { seedSummary, seedSummaryMarkdown } from '../src/run/seedSummary.js';

const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: '1,2,3' },
    methods: { type: 'string', default: builtInMethods.map((m) => m.descriptor.id).filter((id) => id !== 'retrain').join(',') },
    'forget-class': { type: 'string', default: '3' },
    keep: { type: 'string' },
  },
});
const seeds = values.seeds.split(',').map(Number);
const methods = values.methods.split(',');
const forgetClass = Number(values['forget-class']);
const recipe = recipeFor('quick', 'cifar10-mini');
const backend = await initBackend();
const dir = values.keep ? path.resolve(values.keep) : mkdtempSync(path.join(os.tmpdir(), 'mu-fidelity-'));
const started = Date.now();
const step = (text: string) => console.error(`[${((Date.now() - started) / 60_000).toFixed(1)} min] ${text}`);
try {
  const records = await runRecipePipeline({
    recipe,
    dataset: 'cifar10-mini',
    forgetClass,
    dir,
    runs: methods.flatMap((id) => seeds.map((seed) => ({ id, params: {}, seed }))),
    evaluation: FAST_EVALUATION,
    step,
  });
  const rows = seedSummary(records);
  console.log(`\ncifar10-mini, recipe ${recipe.id}, forget class ${forgetClass}, seeds ${seeds.join(', ')}, ${backend.name} × ${backend.threads} threads\n`);
  console.log(seedSummaryMarkdown(rows));
  const outDir = path.join(findRepoRoot() ?? '.', 'bench-output');
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, 'fidelity.json');
  writeFileSync(
    file,
    `${JSON.stringify({ recipe: recipe.id, dataset: 'cifar10-mini', forgetClass, seeds, backend: backend.name, threads: backend.threads, minutes: (Date.now() - started) / 60_000, rows }, null, 2)}\n`,
  );
  console.log(`\nwrote ${file} (${((Date.now() - started) / 60_000).toFixed(1)} min)`);
} finally {
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
}
// The threaded wasm pool keeps worker threads alive.
process.exit(0);
