import { describe, expect, it } from 'vitest';
import type { TimeEstimates } from '../api/types.js';
import { quickStartEstimate } from './quickStartEstimate.js';

const e: TimeEstimates = {
  backend: 'wasm',
  records: 4,
  stageSeconds: { prepare: 1, evaluate: 10, embedding: 20, attack: 2, cka: 7 },
  epochSeconds: { original: 30, retrained: 27, ft: 3, ga: 2, rl: 4, scrub: 5, salun: 6 },
  recipe: { epochs: 200, batchSize: 128, lr: 0.1 },
};
const epochs = () => 2;

describe('quickStartEstimate', () => {
  it('sums the missing references and the five methods', () => {
    const stages = 40;
    expect(quickStartEstimate({ original: true, retrained: true }, { recipe: 'quick', epochs: 3 }, e, epochs)).toEqual({
      jobs: 7,
      seconds: 3 * 30 + stages + 3 * 27 + stages + 2 * (3 + 2 + 4 + 5 + 6) + 5 * stages,
    });
    expect(quickStartEstimate({ original: false, retrained: false }, { recipe: 'quick' }, e, epochs)).toEqual({ jobs: 5, seconds: 2 * 20 + 5 * stages });
  });
  it('is null while one of the jobs was never timed here', () => {
    expect(quickStartEstimate({ original: true, retrained: true }, { recipe: 'quick' }, { ...e, epochSeconds: { original: 30 } }, epochs).seconds).toBeNull();
    expect(quickStartEstimate({ original: true, retrained: true }, { recipe: 'quick' }, null, epochs)).toEqual({ jobs: 7, seconds: null });
  });
});
