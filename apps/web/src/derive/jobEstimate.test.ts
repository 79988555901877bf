import { TRAINING_RECIPES } from '@mu/schema';
import { describe, expect, it } from 'vitest';
import type { Job, TimeEstimates } from '../api/types.js';
import { estimateBuildSeconds, estimateJobSeconds, remainingJobSeconds } from './jobEstimate.js';

const e: TimeEstimates = {
  backend: 'wasm',
  records: 4,
  stageSeconds: { prepare: 1, evaluate: 10, embedding: 20, attack: 2, cka: 7 },
  epochSeconds: { ga: 3, original: 30 },
  recipe: { epochs: 200, batchSize: 128, lr: 0.1 },
};
const methodEpochs = (m: string) => (m === 'ga' ? 7 : null);

describe('estimateJobSeconds', () => {
  it('is epochs × seconds per epoch plus every evaluation stage', () => {
    expect(estimateJobSeconds({ kind: 'unlearn', spec: { method: 'ga', params: { epochs: 2 } } }, e, methodEpochs)).toBe(2 * 3 + 40);
    // The method's default epochs when the job does not set them.
    expect(estimateJobSeconds({ kind: 'unlearn', spec: { method: 'ga' } }, e, methodEpochs)).toBe(7 * 3 + 40);
    // References: the job's epochs, else its recipe's, else the reference recipe's.
    expect(estimateJobSeconds({ kind: 'original', spec: { epochs: 8 } }, e, methodEpochs)).toBe(8 * 30 + 40);
    expect(estimateJobSeconds({ kind: 'original', spec: { recipe: 'quick' } }, e, methodEpochs)).toBe(TRAINING_RECIPES.find((r) => r.id === 'quick')!.epochs * 30 + 40);
    expect(estimateJobSeconds({ kind: 'original', spec: {} }, e, methodEpochs)).toBe(200 * 30 + 40);
  });

  it('says null without an earlier timed run of the method or role', () => {
    expect(estimateJobSeconds({ kind: 'unlearn', spec: { method: 'scrub', params: { epochs: 1 } } }, e, methodEpochs)).toBeNull();
    expect(estimateJobSeconds({ kind: 'retrained', spec: {} }, e, methodEpochs)).toBeNull();
    expect(estimateJobSeconds({ kind: 'sweep', spec: { method: 'ga' } }, e, methodEpochs)).toBeNull();
  });
});

describe('remainingJobSeconds', () => {
  const at = (stage: string, etaSeconds: number | null) => ({ progress: { stage, etaSeconds } as Job['progress'] });
  it('adds the stored timings of the stages after the current one to its own ETA', () => {
    expect(remainingJobSeconds(at('unlearning', 5), e)).toBe(5 + 10 + 20 + 2 + 7);
    expect(remainingJobSeconds(at('evaluating test', 3), e)).toBe(3 + 20 + 2 + 7);
    expect(remainingJobSeconds(at('cka', 4), e)).toBe(4);
  });

  it('is never negative, and null while the stage has no ETA', () => {
    expect(remainingJobSeconds(at('cka', -2), e)).toBe(0);
    expect(remainingJobSeconds(at('embedding', null), e)).toBeNull();
    expect(remainingJobSeconds({ progress: null }, e)).toBeNull();
  });
});

describe('estimateBuildSeconds', () => {
  it('sums one estimate per run of the grid × seeds', () => {
    // epochs [1, 3] × lr [a, b] × 2 seeds = 8 runs: 4 of 1 epoch (43 s) and 4 of 3 epochs (49 s).
    expect(estimateBuildSeconds('ga', { epochs: [1, 3], lr: [1e-4, 1e-3] }, [1, 2], e, methodEpochs)).toBe(4 * 43 + 4 * 49);
    // Without an epochs list every run takes the method's default epochs.
    expect(estimateBuildSeconds('ga', { lr: [1e-4] }, [1], e, methodEpochs)).toBe(7 * 3 + 40);
    expect(estimateBuildSeconds('scrub', { epochs: [1] }, [1], e, methodEpochs)).toBeNull();
  });
});
