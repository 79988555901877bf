/** One keyboard step along a parallel-coordinates axis, as a fraction of the axis length. */
export const BRUSH_STEP = 0.1;

const snap = (u: number, step: number) => +(Math.round(u / step) * step).toFixed(9);

/**
 * The next brush after an ↑ (`direction` 1) or ↓ (−1) key on a focused axis, in axis units
 * u ∈ [0, 1] (0 = bottom, 1 = top as drawn). Without a brush, ↑ creates one step at the bottom
 * and ↓ one step at the top. Otherwise the brush moves one step (`resize` false) or its upper
 * end grows or shrinks one step (`resize` true; at the top, growing extends the lower end).
 * A brush is snapped to whole steps first and is never narrower than one step.
 */
export function stepBrush(current: readonly [number, number] | null, direction: 1 | -1, resize: boolean, step = BRUSH_STEP): [number, number] {
  if (current === null) return direction === 1 ? [0, step] : [snap(1 - step, step), 1];
  let lo = Math.max(0, snap(Math.min(...current), step));
  let hi = Math.min(1, snap(Math.max(...current), step));
  if (hi - lo < step) {
    hi = Math.min(1, snap(lo + step, step));
    lo = snap(hi - step, step);
  }
  if (resize) {
    if (direction === 1) return hi < 1 ? [lo, snap(hi + step, step)] : [snap(Math.max(0, lo - step), step), hi];
    return [lo, Math.max(snap(lo + step, step), snap(hi - step, step))];
  }
  const shift = direction === 1 ? Math.min(step, 1 - hi) : -Math.min(step, lo);
  return [snap(lo + shift, step), snap(hi + shift, step)];
}
