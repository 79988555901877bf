import { describe, expect, it } from 'vitest';
import type { ResultHeadline } from '../api/types.js';
import { sweepPicks } from './sweepPicks.js';

const row = (id: string, PS: number | null, TRA: number | null) => ({ id, metrics: { PS, TRA } }) as unknown as ResultHeadline;

describe('sweepPicks', () => {
  it('picks the highest PS, the highest TRA and the last result of the sweep', () => {
    const rows = [row('a', 0.4, 0.9), row('b', 0.7, 0.8), row('c', 0.7, 0.95), row('other', 0.99, 0.99)];
    expect(sweepPicks(rows, ['a', 'b', 'c'])).toEqual({ bestPS: 'b', bestTRA: 'c', last: 'c' });
  });

  it('ignores missing metrics and results not (yet) in the table', () => {
    const rows = [row('a', null, 0.5), row('b', 0.2, null)];
    expect(sweepPicks(rows, ['a', 'b', 'gone'])).toEqual({ bestPS: 'b', bestTRA: 'a', last: 'b' });
    expect(sweepPicks(rows, [])).toEqual({ bestPS: null, bestTRA: null, last: null });
  });
});
