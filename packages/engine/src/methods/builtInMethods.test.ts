import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../models/model.js';
import { builtInMethods } from './builtInMethods.js';
import { baseModel, setUpBackend, testRun, trainableValues } from './methodTestKit.js';
import type { UnlearnMethod } from './types.js';

let base: Model;
beforeAll(async () => {
  await setUpBackend();
  base = await baseModel();
});
afterAll(() => base.dispose());

const params = { epochs: 1, batchSize: 16, lr: 0.01 };

/** Runs a method; returns its resulting trainable values. */
async function runOnce(method: UnlearnMethod, seed: number): Promise<Float32Array[]> {
  const run = await testRun(method, base, params, { seed });
  const tensors = tf.memory().numTensors;
  const returned = await method.unlearn(run.ctx);
  const values = await trainableValues(returned ?? run.ctx.model);
  returned?.dispose();
  expect(tf.memory().numTensors).toBe(tensors);
  run.dispose();
  return values;
}

describe.each(builtInMethods.map((m) => [m.descriptor.id, m] as const))('%s', (_, method) => {
  it('gives identical weights for the same seed, and leaks no tensors', async () => {
    const a = await runOnce(method, 11);
    const b = await runOnce(method, 11);
    expect(b).toEqual(a);
    expect(a.every((w) => w.every(Number.isFinite))).toBe(true);
  });

  it('stops within one batch once the signal fires', async () => {
    const controller = new AbortController();
    let stepsAfterAbort = 0;
    const run = await testRun(method, base, { ...params, epochs: 3 }, {
      signal: controller.signal,
      progress: {
        step: () => {
          if (controller.signal.aborted) stepsAfterAbort++;
          controller.abort();
        },
      },
    });
    const tensors = tf.memory().numTensors;
    await expect(method.unlearn(run.ctx)).rejects.toThrow(expect.objectContaining({ name: 'AbortError' }));
    expect(stepsAfterAbort).toBe(0);
    expect(tf.memory().numTensors).toBe(tensors);
    run.dispose();
  });
});
