import type { ResultRecord } from '../api/types.js';

export type Highlight = 'all' | 'forget' | 'forgotten' | 'notForgotten' | 'overly';

export interface EmbeddingPoints {
  n: number;
  x: number[];
  y: number[];
  pred: number[];
  trueClass: number[];
  forget: boolean[];
  /** Dataset image index per point (null when the sample list is not in the record). */
  indices: number[] | null;
  /** A stable key per point for linking across records: the image index, else the position. */
  keys: number[];
}

/** Columnar points of one record's embedding; the forget flag is trueClass == forgetClass. */
export function embeddingPoints(record: ResultRecord, sampleTrueClass?: number[] | null): EmbeddingPoints {
  const e = record.embedding;
  const trueClass = e.trueClass ?? sampleTrueClass ?? e.pred.map(() => -1);
  const fc = record.config.forgetClass;
  return {
    n: e.pred.length,
    x: e.x,
    y: e.y,
    pred: e.pred,
    trueClass,
    forget: trueClass.map((c) => c === fc),
    indices: e.indices,
    keys: e.indices ?? e.pred.map((_, i) => i),
  };
}

/** Whether point i is emphasised under a highlight mode, judged by this plot's own model (ui.md §3.4). */
export function isHighlighted(p: EmbeddingPoints, i: number, mode: Highlight, forgetClass: number): boolean {
  switch (mode) {
    case 'all':
      return true;
    case 'forget':
      return p.forget[i];
    case 'forgotten':
      return p.forget[i] && p.pred[i] !== forgetClass;
    case 'notForgotten':
      return p.forget[i] && p.pred[i] === forgetClass;
    case 'overly':
      return !p.forget[i] && p.trueClass[i] >= 0 && p.pred[i] !== p.trueClass[i];
  }
}

/** Point positions in B that show the same image as each point of A (−1 where B lacks it). */
export function linkPoints(a: EmbeddingPoints, b: EmbeddingPoints): { aToB: Int32Array; bToA: Int32Array; shared: number } {
  const inB = new Map<number, number>();
  b.keys.forEach((k, i) => inB.set(k, i));
  const aToB = new Int32Array(a.n).fill(-1);
  const bToA = new Int32Array(b.n).fill(-1);
  let shared = 0;
  a.keys.forEach((k, i) => {
    const j = inB.get(k);
    if (j !== undefined && (a.indices === null) === (b.indices === null)) {
      aToB[i] = j;
      bToA[j] = i;
      shared++;
    }
  });
  return { aToB, bToA, shared };
}
