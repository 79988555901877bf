/** A threshold grid of the attack sweep: t_i = lo + i·step, i = 0 … count − 1 (metrics.md §8). */
export interface AttackGrid {
  readonly lo: number;
  readonly step: number;
  readonly count: number;
}

/** Entropy grid: 0 … 2.5 in steps of 0.05. */
export const ENTROPY_GRID: AttackGrid = Object.freeze({ lo: 0, step: 0.05, count: 51 });

/** Confidence grid: −2.5 … 10 in steps of 0.25. */
export const CONFIDENCE_GRID: AttackGrid = Object.freeze({ lo: -2.5, step: 0.25, count: 51 });

/**
 * The thresholds of a grid, each computed as lo + i·step (never an accumulated sum or i/20: with
 * 2-decimal values, 0.15000000000000002 and 0.15 give different counts).
 *
 *   gridThresholds(ENTROPY_GRID)[3] // 0.15000000000000002
 */
export function gridThresholds(grid: AttackGrid): number[] {
  if (!(Number.isInteger(grid.count) && grid.count >= 1)) throw new Error(`invalid grid count: ${grid.count}`);
  if (!(grid.step > 0)) throw new Error(`invalid grid step: ${grid.step}`);
  return Array.from({ length: grid.count }, (_, i) => grid.lo + i * grid.step);
}
