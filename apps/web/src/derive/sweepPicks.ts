import type { ResultHeadline } from '../api/types.js';

export interface SweepPicks {
  bestPS: string | null;
  bestTRA: string | null;
  last: string | null;
}

/**
 * The results of a finished sweep worth comparing as Model B (ui.md §2.2): the highest PS, the
 * highest TRA (first on ties, records without the metric ignored) and the last one created.
 */
export function sweepPicks(rows: readonly ResultHeadline[], resultIds: readonly string[]): SweepPicks {
  const ids = new Set(resultIds);
  const mine = rows.filter((r) => ids.has(r.id));
  const best = (key: 'PS' | 'TRA') => {
    let pick: ResultHeadline | null = null;
    for (const r of mine) {
      const v = r.metrics[key];
      if (v !== null && (pick === null || v > (pick.metrics[key] as number))) pick = r;
    }
    return pick?.id ?? null;
  };
  const last = [...resultIds].reverse().find((id) => mine.some((r) => r.id === id)) ?? null;
  return { bestPS: best('PS'), bestTRA: best('TRA'), last };
}
