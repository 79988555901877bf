/**
 * Our engine against PyTorch on the same CIFAR ResNet-18 variants, batches and protocol, run
 * alternately in one process pair so that their ratio holds on a loaded machine: a batch-128
 * training step (forward, cross-entropy, backward, SGD momentum 0.9 with weight decay) and batch-256
 * inference, each timed as `steps` steps after one warm-up, medians over `runs`. PyTorch runs in
 * `vs_pytorch.py` under `$MU_PYTHON` (default /usr/bin/python3, Debian's python3-torch) with
 * as many threads as our backend; without it, ours are printed alone.
 *
 *   pnpm bench:vs-pytorch [--arch resnet18-w16,resnet18-w8] [--runs 3] [--steps 2]
 *
 * Prints a markdown table and writes bench-output/vs-pytorch.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { initBackend, resolveThreads } from '../src/backend/selectBackend.js';
import { findRepoRoot } from '../src/data/repoRoot.js';
import { architectureInfo } from '../src/models/architectures.js';
import { Model } from '../src/models/model.js';
import { loadOnnxRuntime } from '../src/onnx/loadOnnxRuntime.js';
import { onnxInference } from '../src/run/onnxInference.js';
import { createRng } from '../src/random.js';
import { Sgd } from '../src/train/sgd.js';
import { startPytorch } from './pytorchProcess.js';
import { inferStep, loadAverage, median, timeSteps, trainStep } from './throughput.js';

const { values } = parseArgs({
  options: {
    arch: { type: 'string', default: 'resnet18-w16,resnet18-w8,resnet18' },
    runs: { type: 'string', default: '3' },
    steps: { type: 'string', default: '2' },
    'train-batch': { type: 'string', default: '128' },
    'infer-batch': { type: 'string', default: '256' },
  },
});
const archs = values.arch.split(',');
const runs = Number(values.runs);
const steps = Number(values.steps);
const trainBatch = Number(values['train-batch']);
const inferBatch = Number(values['infer-batch']);
for (const a of archs) if (architectureInfo(a).family !== 'resnet18') throw new Error(`not a ResNet-18 variant: ${a}`);

const backend = await initBackend();
const ort = await loadOnnxRuntime();
const onnx = typeof ort === 'string' ? null : onnxInference(ort, resolveThreads(process.env.MU_THREADS));
const torch = await startPytorch(path.join(import.meta.dirname, 'vs_pytorch.py'), backend.threads ?? resolveThreads(process.env.MU_THREADS));
console.log(`ours: ${backend.name}, ${backend.threads} thread(s), tfjs ${backend.tfjsVersion}; onnxruntime ${onnx ? `${onnx.version}, ${onnx.threads} thread(s)` : 'not available'}`);
console.log(torch.ok ? `PyTorch ${torch.version}, ${torch.threads} thread(s)` : `PyTorch not available (${torch.reason}): ours alone`);
console.log(`${runs} runs × ${steps} steps after 1 warm-up step, ours then PyTorch alternately; load ${loadAverage()}`);

interface Row {
  architecture: string;
  ours: { train: number[]; infer: number[]; inferOnnx: number[] };
  pytorch: { train: number[]; infer: number[] };
}
const rows: Row[] = [];
for (const architecture of archs) {
  const width = architectureInfo(architecture).width;
  const model = Model.create({ architecture, inputChannels: 3, numClasses: 10 }, createRng(1));
  const sgd = new Sgd(model.trainable, { momentum: 0.9, nesterov: false, weightDecay: 5e-4 });
  const x = tf.randomNormal([trainBatch, 32, 32, 3]) as tf.Tensor4D;
  const y = tf.randomUniform([trainBatch], 0, 10, 'int32') as tf.Tensor1D;
  const xi = tf.randomNormal([inferBatch, 32, 32, 3]) as tf.Tensor4D;
  const prepared = await onnx?.prepare(model, [32, 32, 3], { activations: [], grams: [] });
  const xs = xi.dataSync() as Float32Array;
  const row: Row = { architecture, ours: { train: [], infer: [], inferOnnx: [] }, pytorch: { train: [], infer: [] } };
  for (let r = 0; r < runs; r++) {
    row.ours.train.push((await timeSteps(() => trainStep(model, sgd, x, y), trainBatch, steps)).wall);
    if (torch.ok) row.pytorch.train.push(await torch.measure({ width, mode: 'train', batch: trainBatch, steps, channels: 3 }));
    row.ours.infer.push((await timeSteps(() => inferStep(model, xi), inferBatch, steps)).wall);
    if (prepared) row.ours.inferOnnx.push((await timeSteps(() => prepared.run(xs, inferBatch), inferBatch, steps)).wall);
    if (torch.ok) row.pytorch.infer.push(await torch.measure({ width, mode: 'infer', batch: inferBatch, steps, channels: 3 }));
  }
  const list = (xs: number[]) => xs.map((v) => v.toFixed(1)).join(' ');
  console.log(`${architecture}: train ours ${list(row.ours.train)} | PyTorch ${list(row.pytorch.train)}; infer ours ${list(row.ours.infer)} | onnxruntime ${list(row.ours.inferOnnx)} | PyTorch ${list(row.pytorch.infer)}; load ${loadAverage()}`);
  rows.push(row);
  prepared?.release();
  tf.dispose([x, y, xi]);
  sgd.dispose();
  model.dispose();
}
torch.close();

const med = (xs: number[]) => (xs.length === 0 ? null : median(xs));
const fmt = (v: number | null) => (v === null ? '–' : v.toLocaleString('en', { maximumFractionDigits: 1 }));
const ratio = (ours: number | null, theirs: number | null) => (ours === null || theirs === null ? '–' : `${(ours / theirs).toFixed(2)}×`);
const results = rows.map((r) => ({
  architecture: r.architecture,
  runs: r,
  pytorchTrain: med(r.pytorch.train),
  oursTrain: med(r.ours.train),
  pytorchInfer: med(r.pytorch.infer),
  oursInfer: med(r.ours.infer),
  oursInferOnnx: med(r.ours.inferOnnx),
}));
console.log(`\nload at the end ${loadAverage()}; medians, images/s (train batch ${trainBatch}, inference batch ${inferBatch})`);
console.log('| architecture | PyTorch train | ours train | ratio | PyTorch infer | ours infer (tfjs) | ratio | ours infer (onnxruntime) | ratio |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of results) {
  console.log(
    `| ${r.architecture} | ${fmt(r.pytorchTrain)} | ${fmt(r.oursTrain)} | ${ratio(r.oursTrain, r.pytorchTrain)} | ${fmt(r.pytorchInfer)} | ${fmt(r.oursInfer)} | ${ratio(r.oursInfer, r.pytorchInfer)} | ${fmt(r.oursInferOnnx)} | ${ratio(r.oursInferOnnx, r.pytorchInfer)} |`,
  );
}

const outDir = path.join(findRepoRoot() ?? '.', 'bench-output');
mkdirSync(outDir, { recursive: true });
const file = path.join(outDir, 'vs-pytorch.json');
const pytorch = torch.ok ? { version: torch.version, threads: torch.threads } : null;
writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), backend, pytorch, load: os.loadavg(), trainBatch, inferBatch, runs, steps, results }, null, 1));
console.log(`\nwrote ${file}`);
process.exit(0);
