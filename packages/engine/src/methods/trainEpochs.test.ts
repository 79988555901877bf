import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../models/model.js';
import type { DataBatch } from '../data/dataSource.js';
import { crossEntropy } from '../train/losses.js';
import { crossEntropyPhase, trainingLogits } from './crossEntropyPhase.js';
import ft from './ft.js';
import { baseModel, decayFactor, setUpBackend, testRun, trainableValues } from './methodTestKit.js';
import { batchCount, trainEpochs } from './trainEpochs.js';

let base: Model;
/** A loss of constant value c whose gradient is 0 (tfjs needs the loss connected to the weights). */
const constantLoss = (model: Model, c: number) => (b: DataBatch) => tf.add(tf.mul(0, crossEntropy(trainingLogits(model, b.x), b.y)), c) as tf.Scalar;
beforeAll(async () => {
  await setUpBackend();
  base = await baseModel();
});
afterAll(() => base.dispose());

describe('batchCount', () => {
  it('counts a shuffled pass: the last partial batch kept unless it holds one image', () => {
    expect([batchCount(10, 4), batchCount(9, 4), batchCount(8, 4), batchCount(1, 4), batchCount(3, 8)]).toEqual([3, 2, 2, 0, 1]);
  });
});

describe('trainEpochs', () => {
  it('runs the phases of each epoch in order, reports steps and the mean loss, and awaits the epoch callback', async () => {
    const order: string[] = [];
    const run = await testRun(ft, base, {}, {
      progress: {
        step: (done, total) => void order.push(`step ${done}/${total}`),
        epoch: async (done, total, stats) => {
          await new Promise((resolve) => setTimeout(resolve, 20));
          order.push(`epoch ${done}/${total} ${stats?.loss?.toFixed(1)}`);
        },
      },
    });
    const { ctx } = run;
    const batches = (source: typeof ctx.forget) => ({ batches: source.batches({ batchSize: 16 }), steps: batchCount(source.size, 16) });
    await trainEpochs(ctx, {
      epochs: 2,
      lr: 0.01,
      phases: (epoch) => [
        { ...batches(ctx.forget), loss: constantLoss(ctx.model, epoch + 1) },
        { ...batches(ctx.retain), loss: constantLoss(ctx.model, 100), report: false },
      ],
    });
    expect(order).toEqual([
      ...['step 1/5', 'step 2/5', 'step 3/5', 'step 4/5', 'step 5/5', 'epoch 1/2 1.0'],
      ...['step 1/5', 'step 2/5', 'step 3/5', 'step 4/5', 'step 5/5', 'epoch 2/2 2.0'],
    ]);
    expect(run.forget.visited).toHaveLength(14);
    run.dispose();
  });

  it('with a constant loss, changes each trainable weight only by weight decay', async () => {
    const run = await testRun(ft, base, {});
    const before = await trainableValues(run.ctx.model);
    await trainEpochs(run.ctx, {
      epochs: 1,
      lr: 0.5,
      phases: () => [{ batches: run.ctx.retain.batches({ batchSize: 16 }), steps: 4, loss: constantLoss(run.ctx.model, 1) }],
    });
    const c = decayFactor(4, 0.5);
    const after = await trainableValues(run.ctx.model);
    after.forEach((w, t) => w.forEach((v, i) => expect(v).toBeCloseTo(c * before[t][i], 6)));
    run.dispose();
  });

  it('reports each epoch\'s scheduled learning rate, or the last phase\'s own', async () => {
    const lrs: (number | undefined)[] = [];
    const run = await testRun(ft, base, {}, { progress: { epoch: (_d, _t, stats) => void lrs.push(stats?.lr) } });
    const phase = (lr?: number) => ({ batches: run.ctx.forget.batches({ batchSize: 4 }), steps: 2, loss: constantLoss(run.ctx.model, 1), lr });
    await trainEpochs(run.ctx, { epochs: 4, lr: 0.1, schedule: { kind: 'cosine', etaMin: 0 }, phases: () => [phase()] });
    expect(lrs).toEqual([0.1, 0.1 * (1 + Math.cos(Math.PI / 4)) / 2, 0.05, 0.1 * (1 + Math.cos((3 * Math.PI) / 4)) / 2]);
    lrs.length = 0;
    await trainEpochs(run.ctx, { epochs: 2, lr: 0.1, phases: (e) => [phase(), phase(0.01 * (e + 1))] });
    expect(lrs).toEqual([0.01, 0.02]);
    run.dispose();
  });

  it('gives a phase that names an optimiser its own momentum buffers', async () => {
    const run = await testRun(ft, base, {});
    const before = await trainableValues(run.ctx.model);
    const lr = 0.9;
    const phase = (optimizer?: string) => ({ batches: run.ctx.retain.batches({ batchSize: 32 }), steps: 2, loss: constantLoss(run.ctx.model, 1), optimizer });
    await trainEpochs(run.ctx, { epochs: 1, lr, optimizers: { ascent: {} }, phases: () => [phase('ascent'), phase()] });
    // Only weight decay acts: two steps with one momentum buffer, then two with a fresh one.
    let w = 1;
    for (const _buffer of [0, 1]) {
      let b = 0;
      for (let i = 0; i < 2; i++) {
        b = 0.9 * b + 5e-4 * w;
        w -= lr * b;
      }
    }
    expect(Math.abs(w - decayFactor(4, lr))).toBeGreaterThan(1e-4);
    const after = await trainableValues(run.ctx.model);
    after.forEach((t, k) => t.forEach((v, i) => expect(v).toBeCloseTo(w * before[k][i], 6)));
    await expect(trainEpochs(run.ctx, { epochs: 1, lr, phases: () => [phase('nope')] })).rejects.toThrow('unknown optimizer: nope (expected one of none)');
    run.dispose();
  });

  it('stops within one batch when the signal fires, and leaks no tensors', async () => {
    const controller = new AbortController();
    let afterAbort = 0;
    const run = await testRun(ft, base, {}, {
      signal: controller.signal,
      progress: {
        step: () => {
          if (controller.signal.aborted) afterAbort++;
          controller.abort();
        },
      },
    });
    const tensors = tf.memory().numTensors;
    const phase = () => [crossEntropyPhase(run.ctx.model, run.ctx.retain.batches({ batchSize: 8 }), 7)];
    await expect(trainEpochs(run.ctx, { epochs: 5, lr: 0.01, phases: phase })).rejects.toThrow(expect.objectContaining({ name: 'AbortError' }));
    expect(afterAbort).toBe(0);
    expect(run.retain.visited).toHaveLength(8);
    expect(tf.memory().numTensors).toBe(tensors);
    run.dispose();
  });
});
