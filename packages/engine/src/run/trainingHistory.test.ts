import { describe, expect, it } from 'vitest';
import { trainingHistory } from './trainingHistory.js';

describe('trainingHistory', () => {
  it('turns per-epoch training summaries into record history with cumulative seconds', () => {
    const saved = [
      { epoch: 1, lr: 0.1, loss: 2.1, accuracy: 0.2, seconds: 10.5, testAccuracy: 0.3 },
      { epoch: 2, lr: 0.05, loss: 1.7, accuracy: 0.4, seconds: 9.5, testAccuracy: null },
    ];
    expect(trainingHistory(saved)).toEqual([
      { epoch: 1, lr: 0.1, loss: 2.1, forgetAccuracy: null, seconds: 10.5 },
      { epoch: 2, lr: 0.05, loss: 1.7, forgetAccuracy: null, seconds: 20 },
    ]);
  });

  it('gives an empty history for checkpoints without one, or with a malformed one', () => {
    expect(trainingHistory(undefined)).toEqual([]);
    expect(trainingHistory([{ epoch: 1, lr: 0.1 }])).toEqual([]);
  });
});
