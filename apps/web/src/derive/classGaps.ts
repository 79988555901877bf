import type { ResultRecord, ResultSummary } from '../api/types.js';

type WithAccuracy = Pick<ResultSummary | ResultRecord, 'accuracy'>;
type Split = 'train' | 'test';

export interface ClassGap {
  cls: number;
  a: number | null;
  b: number | null;
  /** acc_B − acc_A (3 dp); null when either is missing. For groups, the mean over every pairing. */
  gap: number | null;
  /** Groups only: the smallest and largest gap over every pairing of an A member with a B member. */
  spread?: [number, number];
}

export interface ClassGaps {
  train: ClassGap[];
  test: ClassGap[];
  /** Symmetric domain half-width: the largest |gap| (and whisker end) over both splits, at least 0.01. */
  m: number;
  meanRetain: { train: number | null; test: number | null };
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
const mean = (v: readonly number[]) => (v.length ? v.reduce((s, x) => s + x, 0) / v.length : null);
const present = (v: readonly (number | null)[]) => v.filter((x): x is number => x !== null);

function withDomain(train: ClassGap[], test: ClassGap[], forgetClass: number): ClassGaps {
  const ends = [...train, ...test].flatMap((g) => [g.gap ?? 0, ...(g.spread ?? [])]).map(Math.abs);
  const retainMean = (gs: ClassGap[]) => mean(present(gs.filter((g) => g.cls !== forgetClass).map((g) => g.gap)));
  return { train, test, m: Math.max(0.01, ...ends), meanRetain: { train: retainMean(train), test: retainMean(test) } };
}

/** Class-wise accuracy gaps B − A on both splits (ui.md §3.1). */
export function classGaps(a: WithAccuracy, b: WithAccuracy, forgetClass: number): ClassGaps {
  const split = (s: Split): ClassGap[] =>
    a.accuracy[s].map((va, cls) => {
      const vb = b.accuracy[s][cls] ?? null;
      return { cls, a: va, b: vb, gap: va === null || vb === null ? null : round3(vb - va) };
    });
  return withDomain(split('train'), split('test'), forgetClass);
}

/**
 * Gaps when A or B is a seed group (ui.md §6 item 7): per class the mean gap over every pairing
 * of an A member with a B member, with the min–max of those gaps as a whisker. One record on
 * each side gives exactly classGaps.
 *
 *   groupClassGaps([a1, a2], [b], 0).train[3].spread // [min, max]
 */
export function groupClassGaps(as: readonly WithAccuracy[], bs: readonly WithAccuracy[], forgetClass: number): ClassGaps {
  if (as.length === 1 && bs.length === 1) return classGaps(as[0], bs[0], forgetClass);
  const pairs = as.flatMap((a) => bs.map((b) => classGaps(a, b, forgetClass)));
  const split = (s: Split): ClassGap[] =>
    as[0].accuracy[s].map((_, cls) => {
      const gaps = present(pairs.map((p) => p[s][cls].gap));
      const accA = mean(present(as.map((r) => r.accuracy[s][cls] ?? null)));
      const accB = mean(present(bs.map((r) => r.accuracy[s][cls] ?? null)));
      if (gaps.length === 0) return { cls, a: accA, b: accB, gap: null };
      return { cls, a: accA, b: accB, gap: round3(mean(gaps)!), spread: [Math.min(...gaps), Math.max(...gaps)] };
    });
  return withDomain(split('train'), split('test'), forgetClass);
}
