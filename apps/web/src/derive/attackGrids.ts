import type { ResultRecord } from '../api/types.js';
import { type AttackMetric, attributedToModel, type Direction } from './thresholdStrategies.js';

export interface Thumb {
  side: 'retrained' | 'model';
  /** Position in the attack subset. */
  i: number;
  /** Training-image index, or null when the record does not name it. */
  image: number | null;
}

/**
 * Training-image indices of a record's attack subset: the forget-class images of its embedding
 * sample, in sample order (metrics.md §8); null when the sample's indices are unknown.
 */
export function subsetImages(record: ResultRecord): number[] | null {
  const e = record.embedding;
  if (!e.indices || !e.trueClass || !record.attack) return null;
  const fc = record.config.forgetClass;
  const out = e.indices.filter((_, k) => e.trueClass![k] === fc);
  return out.length === record.attack.subset.count ? out : null;
}

/**
 * Success / failure grids (ui.md §4.5): Retrained samples attributed to Retrained and model
 * samples attributed to the model succeed; the rest fail. Retrained samples come first.
 */
export function attackGrids(
  model: readonly number[],
  retrained: readonly number[],
  t: number,
  direction: Direction,
  metric: AttackMetric,
  images: { model: readonly number[] | null; retrained: readonly number[] | null },
): { success: Thumb[]; failure: Thumb[] } {
  const success: Thumb[] = [];
  const failure: Thumb[] = [];
  retrained.forEach((v, i) => (attributedToModel(v, t, direction, metric) ? failure : success).push({ side: 'retrained', i, image: images.retrained?.[i] ?? null }));
  model.forEach((v, i) => (attributedToModel(v, t, direction, metric) ? success : failure).push({ side: 'model', i, image: images.model?.[i] ?? null }));
  return { success, failure };
}
