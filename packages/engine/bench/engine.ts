/**
 * Training and inference throughput (images/s) of each architecture on the active backend, and
 * inference on onnxruntime-node (the evaluation's runtime when it loads), in the same run so
 * that their ratio holds on a loaded machine. Random data already in memory; the same forward,
 * loss and SGD step as the trainer. Also prints images per CPU-second of the process (all its
 * threads), which a busy machine changes less than wall-clock images/s.
 *
 *   pnpm bench:engine [--arch resnet18-w16,small-cnn] [--runs 5] [--steps 4] [--all] [--inference-only]
 *
 * Prints a table (median over runs, with min–max) and writes bench-output/engine.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import os from 'node:os';
import { initBackend, resolveThreads } from '../src/backend/selectBackend.js';
import { findRepoRoot } from '../src/data/repoRoot.js';
import { ARCHITECTURES } from '../src/models/architectures.js';
import { loadOnnxRuntime } from '../src/onnx/loadOnnxRuntime.js';
import { onnxInference } from '../src/run/onnxInference.js';
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
    'inference-only': { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const steps = Number(values.steps);
const trainBatch = Number(values['train-batch']);
const inferBatch = Number(values['infer-batch']);
const channels = Number(values.channels);
const archs = values.arch?.split(',') ?? ARCHITECTURES.map((a) => a.id).filter((id) => values.all || id !== 'resnet18');

const backend = await initBackend();
const ort = await loadOnnxRuntime();
const onnx = typeof ort === 'string' ? null : onnxInference(ort, resolveThreads(process.env.MU_THREADS));
const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' ');
console.log(`backend ${backend.name}, ${backend.threads} thread(s), tfjs ${backend.tfjsVersion}; onnxruntime ${onnx ? `${onnx.version}, ${onnx.threads} thread(s)` : `not available (${ort})`}`);
console.log(`${runs} runs × ${steps} steps after 1 warm-up step; load ${load()}`);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Images per wall-clock second and per CPU-second of this process. */
async function timeSteps(step: () => unknown, images: number): Promise<{ wall: number; cpu: number }> {
  await step(); // warm-up
  const start = performance.now();
  const cpu = process.cpuUsage();
  for (let i = 0; i < steps; i++) await step();
  const used = process.cpuUsage(cpu);
  return { wall: (images * steps) / ((performance.now() - start) / 1000), cpu: (images * steps) / ((used.user + used.system) / 1e6) };
}

interface Row {
  architecture: string;
  params: number;
  train: number[];
  infer: number[];
  inferOnnx: number[];
  inferCpu: number[];
  inferOnnxCpu: number[];
}
const rows: Row[] = [];
for (const architecture of archs) {
  const model = Model.create({ architecture, inputChannels: channels, numClasses: 10 }, createRng(1));
  const sgd = new Sgd(model.trainable, { momentum: 0.9, nesterov: false, weightDecay: 5e-4 });
  const x = tf.randomNormal([trainBatch, 32, 32, channels]) as tf.Tensor4D;
  const y = tf.randomUniform([trainBatch], 0, 10, 'int32') as tf.Tensor1D;
  const xi = tf.randomNormal([inferBatch, 32, 32, channels]) as tf.Tensor4D;
  const xs = xi.dataSync() as Float32Array;
  const prepared = await onnx?.prepare(model, [32, 32, channels], { activations: [], grams: [] });
  const row: Row = { architecture, params: model.paramCount, train: [], infer: [], inferOnnx: [], inferCpu: [], inferOnnxCpu: [] };
  for (let r = 0; r < runs; r++) {
    if (!values['inference-only']) row.train.push((await timeSteps(() => void sgdStep(model, sgd, () => crossEntropy(model.forward(x, { training: true }).logits, y), { lr: 0.01 }), trainBatch)).wall);
    const tfjs = await timeSteps(() => tf.tidy(() => void model.forward(xi, { training: false }).logits.dataSync()), inferBatch);
    row.infer.push(tfjs.wall);
    row.inferCpu.push(tfjs.cpu);
    if (prepared) {
      const fast = await timeSteps(() => prepared.run(xs, inferBatch), inferBatch);
      row.inferOnnx.push(fast.wall);
      row.inferOnnxCpu.push(fast.cpu);
    }
  }
  prepared?.release();
  rows.push(row);
  const list = (xs: number[]) => xs.map((v) => v.toFixed(1)).join(' ');
  console.log(`${architecture}: train ${list(row.train)} | infer tfjs ${list(row.infer)} | infer onnxruntime ${list(row.inferOnnx)} | load ${load()}`);
  tf.dispose([x, y, xi]);
  sgd.dispose();
  model.dispose();
}

const fmt = (xs: number[]) => (xs.length === 0 ? '–' : `${median(xs).toFixed(1)} (${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)})`);
const ratio = (r: Row) => (r.inferOnnx.length === 0 ? '–' : `${(median(r.inferOnnx) / median(r.infer)).toFixed(1)}×`);
console.log(`\nload at the end ${load()}`);
console.log(`| architecture | params | train img/s, batch ${trainBatch} | inference img/s, batch ${inferBatch}: tfjs | onnxruntime | ratio | img per CPU-s: tfjs | onnxruntime |`);
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.architecture} | ${r.params.toLocaleString('en')} | ${fmt(r.train)} | ${fmt(r.infer)} | ${fmt(r.inferOnnx)} | ${ratio(r)} | ${fmt(r.inferCpu)} | ${fmt(r.inferOnnxCpu)} |`);
}

const outDir = path.join(findRepoRoot() ?? '.', 'bench-output');
mkdirSync(outDir, { recursive: true });
const file = path.join(outDir, 'engine.json');
writeFileSync(
  file,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      backend,
      onnxruntime: onnx ? { version: onnx.version, threads: onnx.threads } : null,
      load: os.loadavg(),
      inputChannels: channels,
      trainBatch,
      inferBatch,
      runs,
      steps,
      results: rows.map((r) => ({
        ...r,
        trainMedian: median(r.train),
        inferMedian: median(r.infer),
        inferOnnxMedian: r.inferOnnx.length === 0 ? null : median(r.inferOnnx),
      })),
    },
    null,
    1,
  ),
);
console.log(`\nwrote ${file}`);
process.exit(0);
