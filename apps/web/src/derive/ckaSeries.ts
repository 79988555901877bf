import type { ResultRecord, ResultSummary } from '../api/types.js';

type WithCka = Pick<ResultSummary | ResultRecord, 'cka'>;

export interface CkaSeries {
  key: 'A-retain' | 'A-forget' | 'B-retain' | 'B-forget';
  model: 'A' | 'B';
  part: 'retain' | 'forget';
  values: (number | null)[];
}

/**
 * The four CKA lines (A/B × retain/forget) against the Original or the Retrained model; null
 * for a model whose record has no such comparison (the chart says so instead of falling back).
 */
export function ckaSeries(a: WithCka, b: WithCka, against: 'original' | 'retrained', split: 'train' | 'test'): { layers: string[]; series: CkaSeries[]; missing: ('A' | 'B')[] } {
  const out: CkaSeries[] = [];
  const missing: ('A' | 'B')[] = [];
  for (const [model, rec] of [['A', a], ['B', b]] as const) {
    const set = against === 'original' ? rec.cka.vsOriginal : rec.cka.vsRetrained;
    if (!set) {
      missing.push(model);
      continue;
    }
    out.push({ key: `${model}-retain`, model, part: 'retain', values: set[split].other });
    out.push({ key: `${model}-forget`, model, part: 'forget', values: set[split].forget });
  }
  return { layers: a.cka.layers, series: out, missing };
}
