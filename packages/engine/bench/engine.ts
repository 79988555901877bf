/**
 * Training and inference throughput (images/s) of each architecture on the active backend.
 * Random data already in memory; the same forward, loss and SGD step as the trainer.
 *
 *   pnpm bench:engine [--arch resnet18-w16,small-cnn] [--runs 5] [--steps 4] [--all]
 *
 * Prints a table (median over runs, with min–max) and writes bench-output/engine.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../src/backend/selectBackend.js';
import { findRepoRoot } from '../src/data/repoRoot.js';
import { ARCHITECTURES } from '../src/models/architectures.js';
import { Model } from '../src/models/model.js';
import { createRng } from '../src/random.js';
import { crossEntropy } from '../src/train/losses.js';
import { Sgd } from '../src/train/sgd.js';
import { sgdStep } from '../src/train/sgdStep.js';

const { values } = parseArgs({
  options: {
    arch: { type: 'string' },
    runs: { type: 'string', default: '5' },
    steps: { type: 'string', default: '4' },
    'train-batch': { type: 'string', default: '128' },
    'infer-batch': { type: 'string', default: '256' },
    channels: { type: 'string', default: '3' },
    all: { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const steps = Number(values.steps);
const trainBatch = Number(values['train-batch']);
const inferBatch = Number(values['infer-batch']);
const channels = Number(values.channels);
const archs = values.arch?.split(',') ?? ARCHITECTURES.map((a) => a.id).filter((id) => values.all || id !== 'resnet18');

const backend = await initBackend();
console.log(`backend ${backend.name}, ${backend.threads} thread(s), tfjs ${backend.tfjsVersion}; ${runs} runs × ${steps} steps after 1 warm-up step`);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function timeSteps(step: () => void, images: number): number {
  step(); // warm-up
  const start = performance.now();
  for (let i = 0; i < steps; i++) step();
  return (images * steps) / ((performance.now() - start) / 1000);
}

const rows: { architecture: string; params: number; train: number[]; infer: number[] }[] = [];
for (const architecture of archs) {
  const model = Model.create({ architecture, inputChannels: channels, numClasses: 10 }, createRng(1));
  const sgd = new Sgd(model.trainable, { momentum: 0.9, nesterov: false, weightDecay: 5e-4 });
  const x = tf.randomNormal([trainBatch, 32, 32, channels]) as tf.Tensor4D;
  const y = tf.randomUniform([trainBatch], 0, 10, 'int32') as tf.Tensor1D;
  const xi = tf.randomNormal([inferBatch, 32, 32, channels]) as tf.Tensor4D;
  const row = { architecture, params: model.paramCount, train: [] as number[], infer: [] as number[] };
  for (let r = 0; r < runs; r++) {
    row.train.push(timeSteps(() => void sgdStep(model, sgd, () => crossEntropy(model.forward(x, { training: true }).logits, y), { lr: 0.01 }), trainBatch));
    row.infer.push(timeSteps(() => tf.tidy(() => void model.forward(xi, { training: false }).logits.dataSync()), inferBatch));
  }
  rows.push(row);
  console.log(`${architecture}: train ${row.train.map((v) => v.toFixed(1)).join(' ')} | infer ${row.infer.map((v) => v.toFixed(1)).join(' ')}`);
  tf.dispose([x, y, xi]);
  sgd.dispose();
  model.dispose();
}

const fmt = (xs: number[]) => `${median(xs).toFixed(1)} (${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)})`;
console.log(`\n| architecture | params | train img/s, batch ${trainBatch} | inference img/s, batch ${inferBatch} |`);
console.log('|---|---|---|---|');
for (const r of rows) console.log(`| ${r.architecture} | ${r.params.toLocaleString('en')} | ${fmt(r.train)} | ${fmt(r.infer)} |`);

const outDir = path.join(findRepoRoot() ?? '.', 'bench-output');
mkdirSync(outDir, { recursive: true });
const file = path.join(outDir, 'engine.json');
writeFileSync(
  file,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      backend,
      inputChannels: channels,
      trainBatch,
      inferBatch,
      runs,
      steps,
      results: rows.map((r) => ({ ...r, trainMedian: median(r.train), inferMedian: median(r.infer) })),
    },
    null,
    1,
  ),
);
console.log(`\nwrote ${file}`);
process.exit(0);
