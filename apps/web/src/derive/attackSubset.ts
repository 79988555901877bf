import type { ResultRecord } from '../api/types.js';

/** One sample of a record's attack subset, placed in the record's embedding sample. */
export interface SubsetSample {
  /** Position in the embedding sample. */
  point: number;
  /** Training-image index, or null when the record does not name it. */
  image: number | null;
  /** Instance key as in `EmbeddingPoints.keys`: the image index, else the point position. */
  key: number;
}

/**
 * A record's attack subset as embedding points: the forget-class points of its embedding sample,
 * in sample order (metrics.md §8). Null when the sample's labels are unknown or the count does
 * not match the subset's.
 *
 *   attackSubset(rec)[i].image // training image of the i-th attack sample
 */
export function attackSubset(record: ResultRecord): SubsetSample[] | null {
  const { indices, trueClass } = record.embedding;
  if (!trueClass || !record.attack) return null;
  const fc = record.config.forgetClass;
  const out: SubsetSample[] = [];
  trueClass.forEach((c, point) => {
    if (c !== fc) return;
    const image = indices ? indices[point] : null;
    out.push({ point, image, key: image ?? point });
  });
  return out.length === record.attack.subset.count ? out : null;
}
