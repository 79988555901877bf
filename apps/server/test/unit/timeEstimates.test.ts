import type { ResultRecord } from '@mu/schema';
import { describe, expect, it } from 'vitest';
import { timeEstimates } from '../../src/views/timeEstimates.js';

type Fields = { role?: ResultRecord['role']; method?: string; backend?: string; source?: 'engine' | 'import'; epochs?: number; seconds?: number; embedding?: number | null };

const record = ({ role = 'unlearned', method = 'ga', backend = 'wasm', source = 'engine', epochs = 2, seconds = 10, embedding = 4 }: Fields) =>
  ({
    role,
    config: { method: { id: method }, environment: { backend } },
    provenance: { source },
    timings: { prepare: 1, evaluate: 2, embedding, attack: 0.5, cka: 3, total: 10.5 },
    history: Array.from({ length: epochs }, (_, i) => ({ epoch: i + 1, seconds: (seconds * (i + 1)) / epochs })),
  }) as unknown as ResultRecord;

describe('timeEstimates', () => {
  it('takes medians of stage times and of seconds per epoch, by method and by role', () => {
    const e = timeEstimates(
      [
        record({ method: 'ga', epochs: 2, seconds: 10, embedding: 4 }), // 5 s/epoch
        record({ method: 'ga', epochs: 4, seconds: 28, embedding: 6 }), // 7 s/epoch
        record({ method: 'ga', epochs: 1, seconds: 6, embedding: null }), // 6 s/epoch
        record({ method: 'ft', epochs: 10, seconds: 30 }),
        record({ role: 'original', method: 'original', epochs: 8, seconds: 160 }),
      ],
      'wasm',
    );
    expect(e.records).toBe(5);
    expect(e.epochSeconds).toEqual({ ga: 6, ft: 3, original: 20 });
    expect(e.stageSeconds).toEqual({ prepare: 1, evaluate: 2, embedding: 4, attack: 0.5, cka: 3 });
  });

  it('leaves out imported records and runs on other backends', () => {
    const e = timeEstimates([record({ source: 'import' }), record({ backend: 'tensorflow' }), record({ method: 'rl', epochs: 2, seconds: 3 })], 'wasm');
    expect(e.records).toBe(1);
    expect(e.epochSeconds).toEqual({ rl: 1.5 });
  });

  it('says null where nothing was measured, or while the backend is not known yet', () => {
    const e = timeEstimates([record({ method: 'rl', epochs: 2, seconds: 3 })], null);
    expect(e).toEqual({
      backend: null, records: 0, stageSeconds: { prepare: null, evaluate: null, embedding: null, attack: null, cka: null }, epochSeconds: {},
      recipe: { epochs: 200, batchSize: 128, lr: 0.1 },
    });
  });
});
