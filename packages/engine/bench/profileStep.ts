/**
 * Where one training step's time goes, per tfjs kernel: `tf.profile` of the forward pass with the
 * loss, of forward + backward (`tf.variableGrads`), and of the SGD update, on the active backend.
 * A kernel's backward time is its forward + backward time less its forward time. What the kernels
 * do not account for (tape, JavaScript, garbage collection) is the wall time less their sum.
 * Composite ops (customGrad wrappers such as the composed batch norm) are left out: their kernels
 * are listed themselves. Each phase is profiled `runs` times after a warm-up step; per kernel the
 * median is printed, so on a loaded machine the differences are noisy (a negative backward time).
 *
 * `--without` unregisters some of our wasm kernels first (their callers fall back to tfjs ops), to
 * profile the step as it was before them.
 *
 *   node --import tsx packages/engine/bench/profileStep.ts [--arch resnet18-w16] [--batch 128] [--runs 3]
 *     [--without BatchNormTraining,BatchNormTrainingGrad,SgdUpdate]
 */
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../src/backend/selectBackend.js';
import { Model } from '../src/models/model.js';
import { createRng } from '../src/random.js';
import { crossEntropy } from '../src/train/losses.js';
import { Sgd } from '../src/train/sgd.js';
import { loadAverage, median, trainStep } from './throughput.js';

const { values } = parseArgs({
  options: {
    arch: { type: 'string', default: 'resnet18-w16' },
    batch: { type: 'string', default: '128' },
    runs: { type: 'string', default: '3' },
    without: { type: 'string', default: '' },
  },
});
const batch = Number(values.batch);
const runs = Number(values.runs);
const backend = await initBackend();
for (const name of values.without.split(',').filter(Boolean)) tf.unregisterKernel(name, backend.name);
const model = Model.create({ architecture: values.arch, inputChannels: 3, numClasses: 10 }, createRng(1));
const sgd = new Sgd(model.trainable, { momentum: 0.9, nesterov: false, weightDecay: 5e-4 });
const x = tf.randomNormal([batch, 32, 32, 3]) as tf.Tensor4D;
const y = tf.randomUniform([batch], 0, 10, 'int32') as tf.Tensor1D;
const loss = () => crossEntropy(model.forward(x, { training: true }).logits, y);
trainStep(model, sgd, x, y);

interface Phase {
  wall: number;
  /** Milliseconds and calls per kernel name. */
  kernels: Map<string, { ms: number; calls: number }>;
}

async function profile(run: () => tf.TensorContainer): Promise<Phase> {
  const start = performance.now();
  const info = await tf.profile(() => run());
  const wall = performance.now() - start;
  const kernels = new Map<string, { ms: number; calls: number }>();
  // Only registered kernels: customGrad and other composite ops are listed too, around their kernels.
  for (const k of info.kernels.filter((k) => tf.getKernel(k.name, backend.name) != null)) {
    const entry = kernels.get(k.name) ?? { ms: 0, calls: 0 };
    entry.ms += k.kernelTimeMs as number;
    entry.calls += 1;
    kernels.set(k.name, entry);
  }
  return { wall, kernels };
}

const phases: Record<'forward' | 'forwardBackward' | 'update', Phase[]> = { forward: [], forwardBackward: [], update: [] };
for (let r = 0; r < runs; r++) {
  phases.forward.push(await profile(() => tf.tidy(() => void loss().dataSync())));
  let grads: tf.NamedTensorMap = {};
  phases.forwardBackward.push(
    await profile(() => {
      grads = tf.tidy(() => tf.variableGrads(loss, model.trainable).grads);
    }),
  );
  phases.update.push(await profile(() => sgd.apply(grads, 0.01)));
  tf.dispose(grads);
}

const msOf = (ps: Phase[], name: string) => median(ps.map((p) => p.kernels.get(name)?.ms ?? 0));
const callsOf = (ps: Phase[], name: string) => ps[0].kernels.get(name)?.calls ?? 0;
const names = [...new Set(Object.values(phases).flatMap((ps) => ps.flatMap((p) => [...p.kernels.keys()])))];
const rows = names
  .map((name) => {
    const forward = msOf(phases.forward, name);
    const backward = msOf(phases.forwardBackward, name) - forward;
    const update = msOf(phases.update, name);
    return { name, forward, backward, update, total: forward + backward + update, calls: callsOf(phases.forwardBackward, name) + callsOf(phases.update, name) };
  })
  .sort((a, b) => b.total - a.total);
const wall = median(phases.forwardBackward.map((p) => p.wall)) + median(phases.update.map((p) => p.wall));
const kernelSum = rows.reduce((s, r) => s + r.total, 0);

console.log(`${values.arch}, batch ${batch}, ${backend.name} ${backend.threads} thread(s)${values.without ? ` without ${values.without}` : ''}; medians of ${runs}; load ${loadAverage()}`);
console.log(`step ${wall.toFixed(0)} ms (${((batch / wall) * 1000).toFixed(1)} img/s); kernels ${kernelSum.toFixed(0)} ms; outside kernels ${(wall - kernelSum).toFixed(0)} ms`);
console.log('| kernel | calls | forward ms | backward ms | update ms | total ms | share |');
console.log('|---|---|---|---|---|---|---|');
for (const r of rows.filter((r) => r.total >= 0.5)) {
  console.log(`| ${r.name} | ${r.calls} | ${r.forward.toFixed(1)} | ${r.backward.toFixed(1)} | ${r.update.toFixed(1)} | ${r.total.toFixed(1)} | ${((100 * r.total) / wall).toFixed(1)} % |`);
}
process.exit(0);
