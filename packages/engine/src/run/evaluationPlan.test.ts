import { describe, expect, it } from 'vitest';
import { CKA_SAMPLING } from '../metrics/ckaSamples.js';
import { ckaSamplingFor, evaluationPlan } from './evaluationPlan.js';
import { testDataset } from './testDataset.js';

describe('evaluationPlan', () => {
  const data = testDataset({ train: 30, test: 10 });
  const layers = ['conv1', 'fc'];
  const sampling = { train: { forget: 10, other: 22 }, test: { forget: 50, other: 7 }, batchSize: 4 };
  const plan = evaluationPlan(data, 3, layers, sampling);

  it('lists every forget-class training image, and the sample’s forget images as positions in that list', () => {
    expect(Array.from(plan.forgetIndices)).toEqual(Array.from({ length: 30 }, (_, k) => 3 + 10 * k));
    expect(plan.embedding.sampleId).toBe('cifar10-mini/seeded-2048-200');
    expect(plan.embedding.indices).toHaveLength(300); // fewer than 200 per class: all of them
    const sampleForget = plan.embedding.indices.filter((i) => data.train.labels[i] === 3);
    expect(Array.from(plan.subsetPositions, (p) => plan.forgetIndices[p])).toEqual(sampleForget);
  });

  it('takes the first N of each CKA list, clamped to the split, without a trailing batch of ≤ 3 images', () => {
    const { lists } = plan.cka;
    expect(Array.from(lists.train.forget)).toEqual([3, 13, 23, 33, 43, 53, 63, 73]); // 10 → 8: a batch of 2 is dropped
    expect(lists.train.other).toHaveLength(20);
    expect(lists.train.other[0]).toBe(0);
    expect(lists.test.forget).toHaveLength(8); // clamped to 10, then 8
    expect(Array.from(lists.test.other)).toEqual([0, 1, 2, 4]); // 7 → one batch of 4
    expect(plan.key).toContain('fc 3');
    expect(evaluationPlan(data, 4, layers, sampling).key).not.toBe(plan.key);
  });

  it('uses the reference CKA counts on GPU backends and the CPU default elsewhere', () => {
    expect(ckaSamplingFor('tensorflow-gpu')).toBe(CKA_SAMPLING.reference);
    expect(ckaSamplingFor('webgl')).toBe(CKA_SAMPLING.reference);
    for (const backend of ['wasm', 'cpu', 'tensorflow']) expect(ckaSamplingFor(backend)).toBe(CKA_SAMPLING.cpu);
  });

  it('rejects a forget class outside the dataset', () => {
    expect(() => evaluationPlan(data, 10, layers, sampling)).toThrow('invalid forget class: 10 (expected 0..9)');
  });
});
