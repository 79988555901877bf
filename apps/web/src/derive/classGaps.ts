import type { ResultRecord, ResultSummary } from '../api/types.js';

type WithAccuracy = Pick<ResultSummary | ResultRecord, 'accuracy'>;

export interface ClassGap {
  cls: number;
  a: number | null;
  b: number | null;
  /** acc_B − acc_A (3 dp); null when either is missing. */
  gap: number | null;
}

export interface ClassGaps {
  train: ClassGap[];
  test: ClassGap[];
  /** Symmetric domain half-width: the largest |gap| over both splits, at least 0.01. */
  m: number;
  meanRetain: { train: number | null; test: number | null };
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Class-wise accuracy gaps B − A on both splits (ui.md §3.1). */
export function classGaps(a: WithAccuracy, b: WithAccuracy, forgetClass: number): ClassGaps {
  const split = (s: 'train' | 'test'): ClassGap[] =>
    a.accuracy[s].map((va, cls) => {
      const vb = b.accuracy[s][cls] ?? null;
      return { cls, a: va, b: vb, gap: va === null || vb === null ? null : round3(vb - va) };
    });
  const train = split('train');
  const test = split('test');
  const all = [...train, ...test].map((g) => Math.abs(g.gap ?? 0));
  const mean = (gs: ClassGap[]) => {
    const v = gs.filter((g) => g.cls !== forgetClass && g.gap !== null).map((g) => g.gap!);
    return v.length ? v.reduce((s, x) => s + x, 0) / v.length : null;
  };
  return { train, test, m: Math.max(0.01, ...all), meanRetain: { train: mean(train), test: mean(test) } };
}
