import type { ParamValue } from '@mu/schema';

/**
 * Every combination of a hyperparameter grid, in order (the last key varies fastest), each on
 * top of the base parameters.
 *
 *   sweepGrid({ lr: 0.1 }, { epochs: [1, 2], alpha: [0.5] }) // [{lr: 0.1, epochs: 1, alpha: 0.5}, {lr: 0.1, epochs: 2, alpha: 0.5}]
 */
export function sweepGrid(base: Record<string, ParamValue>, grid: Record<string, ParamValue[]>): Record<string, ParamValue>[] {
  let combinations: Record<string, ParamValue>[] = [{ ...base }];
  for (const [key, values] of Object.entries(grid)) {
    combinations = combinations.flatMap((c) => values.map((v) => ({ ...c, [key]: v })));
  }
  return combinations;
}

/** How many runs a grid × seeds makes, without building them. */
export function sweepSize(grid: Record<string, ParamValue[]>, seeds: number): number {
  return Object.values(grid).reduce((n, values) => n * values.length, 1) * seeds;
}
