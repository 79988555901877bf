import type { ResultRecord } from '@mu/schema';
import { describe, expect, it } from 'vitest';
import { exampleResult } from '../../../schema/test/exampleResult.js';
import { seedSummary, seedSummaryMarkdown } from './seedSummary.js';

function record(role: ResultRecord['role'], method: string, seed: number, UA: number | null, RTE: number): ResultRecord {
  const r = exampleResult();
  r.role = role;
  r.config.method = { id: method, label: method, version: '1' };
  r.config.seed = seed;
  r.metrics = { ...r.metrics, UA, RTE };
  return r;
}

describe('seedSummary', () => {
  const records = [
    record('original', 'original', 2048, 1, 60),
    record('unlearned', 'ga', 1, 0.1, 2),
    record('unlearned', 'ft', 1, 0.5, 10),
    record('unlearned', 'ga', 2, 0.2, 4),
    record('unlearned', 'ga', 3, null, 6),
  ];

  it('groups by method in first-seen order, with mean and sample sd of each metric over the seeds', () => {
    const rows = seedSummary(records);
    expect(rows.map((r) => r.name)).toEqual(['original', 'ga', 'ft']);
    expect(rows[1].seeds).toEqual([1, 2, 3]);
    expect(rows[1].stats.RTE).toEqual({ mean: 4, sd: 2, n: 3 });
    // A missing UA is left out, not counted as 0.
    expect(rows[1].stats.UA?.n).toBe(2);
    expect(rows[1].stats.UA?.mean).toBeCloseTo(0.15, 10);
    expect(rows[1].stats.UA?.sd).toBeCloseTo(Math.SQRT1_2 * 0.1, 10);
  });

  it('prints a markdown table: mean ± sd for several seeds, the value alone for one', () => {
    const lines = seedSummaryMarkdown(seedSummary(records)).split('\n');
    expect(lines[0]).toBe('| method | n | UA | RA | TUA | TRA | PS | RTE (s) |');
    expect(lines[2]).toBe('| original | 1 | 1.000 | 0.850 | 0.100 | 0.800 | 0.880 | 60.0 |');
    expect(lines[3]).toBe('| ga | 3 | 0.150 ± 0.071 | 0.850 ± 0.000 | 0.100 ± 0.000 | 0.800 ± 0.000 | 0.880 ± 0.000 | 4.0 ± 2.0 |');
  });
});
