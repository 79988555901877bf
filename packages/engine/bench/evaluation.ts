/**
 * Time of one model's full evaluation (every pass, embedding, attack values, CKA; metrics.md)
 * on a whole dataset: a random-init model evaluated as an Original (its own reference), like an
 * imported one. Prints the stages and the load, and writes bench-output/evaluation.json.
 *
 *   pnpm bench:eval [--arch resnet18] [--dataset cifar10]      MU_INFERENCE=tfjs for the fallback
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { initBackend } from '../src/backend/selectBackend.js';
import { loadDataset } from '../src/data/loadDataset.js';
import { findRepoRoot } from '../src/data/repoRoot.js';
import { Model } from '../src/models/model.js';
import { createRng } from '../src/random.js';
import { evaluateModel } from '../src/run/evaluateModel.js';
import { inferenceRuntime } from '../src/run/inferenceRuntime.js';
import { newId } from '../src/train/checkpoint.js';

const { values } = parseArgs({ options: { arch: { type: 'string', default: 'resnet18' }, dataset: { type: 'string', default: 'cifar10' } } });
const backend = await initBackend();
const runtime = await inferenceRuntime();
const data = await loadDataset(values.dataset!);
const images = data.train.count + data.test.count;
const model = Model.create({ architecture: values.arch!, inputChannels: data.descriptor.inputShape[2], numClasses: data.descriptor.numClasses }, createRng(1));
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
const loadBefore = load();
console.log(`${values.arch} on ${values.dataset} (${images.toLocaleString('en')} images); backend ${backend.name} (${backend.threads} threads); inference ${runtime.name}${runtime.version ? ` ${runtime.version}` : ''}${runtime.threads ? ` (${runtime.threads} threads)` : ''}; load ${loadBefore}`);

let last = 0;
const start = performance.now();
const record = await evaluateModel(
  {
    model,
    modelId: newId(),
    role: 'original',
    data,
    forgetClass: 0,
    original: null,
    retrained: null,
    method: { id: 'upload', label: 'Upload', version: '1' },
    hyperparameters: {},
    seed: null,
    rteSeconds: null,
  },
  {
    onStage: (stage) => console.log(`${((performance.now() - start) / 1000).toFixed(0).padStart(5)} s  ${stage}`),
    onProgress: (done, total) => {
      const now = performance.now();
      if (now - last < 30_000) return;
      last = now;
      console.log(`${((now - start) / 1000).toFixed(0).padStart(5)} s    ${done}/${total}`);
    },
  },
);
const seconds = (performance.now() - start) / 1000;
const loadAfter = load();
console.log(`\nfull evaluation: ${seconds.toFixed(1)} s (${(seconds / 60).toFixed(2)} min); stages (s): ${JSON.stringify(record.timings)}`);
console.log(`inference passes: ${((images) / record.timings.evaluate!).toFixed(1)} img/s; load (1, 5, 15 min) before ${loadBefore}, after ${loadAfter}`);

const outDir = path.join(findRepoRoot() ?? '.', 'bench-output');
mkdirSync(outDir, { recursive: true });
const file = path.join(outDir, 'evaluation.json');
writeFileSync(
  file,
  JSON.stringify({ date: new Date().toISOString(), architecture: values.arch, dataset: values.dataset, images, backend, inference: { name: runtime.name, version: runtime.version, threads: runtime.threads }, seconds, timings: record.timings, loadBefore, loadAfter }, null, 1),
);
console.log(`wrote ${file}`);
process.exit(0);
