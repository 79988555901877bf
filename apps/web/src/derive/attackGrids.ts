import type { SubsetSample } from './attackSubset.js';
import { type AttackMetric, attributedToModel, type Direction } from './thresholdStrategies.js';

export type AttackSide = 'retrained' | 'model';

export interface Thumb {
  side: AttackSide;
  /** Position in the attack subset. */
  i: number;
  /** Training-image index, or null when the record does not name it. */
  image: number | null;
  /** Instance key (see `SubsetSample.key`), or null when the subset's points are unknown. */
  key: number | null;
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
  subsets: Record<AttackSide, readonly SubsetSample[] | null>,
): { success: Thumb[]; failure: Thumb[] } {
  const success: Thumb[] = [];
  const failure: Thumb[] = [];
  const thumb = (side: AttackSide, i: number): Thumb => ({ side, i, image: subsets[side]?.[i]?.image ?? null, key: subsets[side]?.[i]?.key ?? null });
  retrained.forEach((v, i) => (attributedToModel(v, t, direction, metric) ? failure : success).push(thumb('retrained', i)));
  model.forEach((v, i) => (attributedToModel(v, t, direction, metric) ? success : failure).push(thumb('model', i)));
  return { success, failure };
}
