import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ResultRecord } from '@mu/schema';
import { loadDataset } from '../../data/loadDataset.js';
import { buildBaseline } from '../../run/buildBaseline.js';
import { loadStoredModel, type StoredModel } from '../../run/checkpointIndex.js';
import { evaluateBaseline } from '../../run/evaluateBaseline.js';
import { ReferenceCache } from '../../run/referenceCache.js';
import { saveResult } from '../../run/resultStore.js';
import { runUnlearning } from '../../run/unlearn.js';
import { formatDuration } from '../progressReporter.js';
import { integerOption } from '../options.js';
import { printBackend } from '../report.js';
import { printResultTable } from '../resultTable.js';

export const smokeUsage = `mu smoke [--forget-class K] [--epochs N] [--keep DIR]
  The whole pipeline on real CIFAR-10 images (cifar10-mini, small-cnn): an Original and a
  Retrained model (N epochs, default 8), then FT, GA, RL, SCRUB and SalUn for class K (default 3),
  each fully evaluated, a summary table and the sanity checks on UA and TRA. Exits 1 if a check fails.`;

/**
 * Method settings for the smoke run: the defaults, with fewer epochs where an epoch walks the
 * whole retain set (so the run fits in minutes on a 2-core CPU). GA keeps its defaults.
 */
const SMOKE_METHODS: { id: string; params: Record<string, unknown> }[] = [
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
    options: { 'forget-class': { type: 'string' }, epochs: { type: 'string' }, keep: { type: 'string' } },
  });
  const forgetClass = integerOption(values, 'forget-class') ?? 3;
  const epochs = integerOption(values, 'epochs') ?? 8;
  const dir = values.keep ? path.resolve(values.keep) : mkdtempSync(path.join(os.tmpdir(), 'mu-smoke-'));
  const checkpointDir = path.join(dir, 'checkpoints');
  const resultsDir = path.join(dir, 'results');
  const started = Date.now();
  const elapsed = () => formatDuration((Date.now() - started) / 1000);
  const step = (text: string) => console.error(`[${elapsed()}] ${text}`);
  await printBackend();
  const loaded: StoredModel[] = [];
  try {
    const data = await loadDataset('cifar10-mini');
    const config = { dataset: 'cifar10-mini', architecture: 'small-cnn', epochs, evaluateEachEpoch: false };
    step(`training Original (${epochs} epochs)`);
    const originalMeta = await buildBaseline({ config, preset: 'smoke', checkpointDir });
    step(`training Retrained without class ${forgetClass} (${epochs} epochs)`);
    const retrainedMeta = await buildBaseline({ config: { ...config, excludeClass: forgetClass }, preset: 'smoke', checkpointDir });
    const original = await loadStoredModel(checkpointDir, originalMeta.id);
    const retrained = await loadStoredModel(checkpointDir, retrainedMeta.id);
    loaded.push(original, retrained);

    const cache = new ReferenceCache();
    const records: ResultRecord[] = [];
    for (const stored of [original, retrained]) {
      step(`evaluating ${stored.meta.role}`);
      const record = await evaluateBaseline({ stored, data, forgetClass, original, retrained, cache });
      await saveResult(resultsDir, record);
      records.push(record);
    }
    for (const { id, params } of SMOKE_METHODS) {
      step(`running ${id}`);
      const { record } = await runUnlearning({ methodId: id, params, forgetClass, data, original, retrained, checkpointDir, resultsDir, cache });
      records.push(record);
    }
    console.log(`\ncifar10-mini, small-cnn, forget class ${forgetClass} (${data.descriptor.classNames[forgetClass]}); UA = forget-set accuracy, lower = more forgetting`);
    printResultTable(records);
    const failed = reportChecks(records);
    console.log(`total time ${elapsed()}${values.keep ? `, files in ${dir}` : ''}`);
    if (failed > 0) process.exitCode = 1;
  } finally {
    for (const m of loaded) m.model.dispose();
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
  }
}

/** The issue's scientific checks; prints one line each and a closing count. Returns the failures. */
function reportChecks(records: ResultRecord[]): number {
  const original = records.find((r) => r.role === 'original')!;
  const retrained = records.find((r) => r.role === 'retrained')!;
  const byMethod = (id: string) => records.find((r) => r.config.method.id === id)!;
  const ua = (r: ResultRecord) => r.metrics.UA ?? Number.NaN;
  const tra = (r: ResultRecord) => r.metrics.TRA ?? Number.NaN;
  const checks: [string, boolean][] = [
    [`Retrained UA = 0 (${ua(retrained)})`, ua(retrained) === 0],
    ...SMOKE_METHODS.map(({ id }): [string, boolean] => [`${id} lowers UA below the Original's (${ua(byMethod(id)).toFixed(3)} < ${ua(original).toFixed(3)})`, ua(byMethod(id)) < ua(original)]),
    ...['ft', 'rl', 'scrub', 'salun'].map((id): [string, boolean] => [
      `${id} keeps TRA within 0.15 of the Original's (${tra(byMethod(id)).toFixed(3)} vs ${tra(original).toFixed(3)})`,
      Math.abs(tra(byMethod(id)) - tra(original)) <= 0.15,
    ]),
    [`ga with default settings visibly lowers UA (by ≥ 0.05: ${(ua(original) - ua(byMethod('ga'))).toFixed(3)})`, ua(original) - ua(byMethod('ga')) >= 0.05],
  ];
  console.log('');
  for (const [text, ok] of checks) console.log(`${ok ? 'ok  ' : 'FAIL'} ${text}`);
  const failed = checks.filter(([, ok]) => !ok).length;
  console.log(`smoke: ${checks.length - failed} passed, ${failed} failed`);
  return failed;
}
