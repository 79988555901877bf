/**
 * The A → B morph of the aligned embedding (ui.md §6 item 5). B's shared points travel from
 * their A position (t = 0) to their own aligned position (t = 1); points only B has stay put.
 * Inputs are never changed: the morph is a view of the stored coordinates.
 */
export function morphPositions(
  ax: ArrayLike<number>,
  ay: ArrayLike<number>,
  bx: ArrayLike<number>,
  by: ArrayLike<number>,
  bToA: Int32Array,
  t: number,
): { x: Float64Array; y: Float64Array } {
  const x = Float64Array.from(bx);
  const y = Float64Array.from(by);
  for (let j = 0; j < x.length; j++) {
    const i = bToA[j];
    if (i < 0) continue;
    x[j] = ax[i] + (bx[j] - ax[i]) * t;
    y[j] = ay[i] + (by[j] - ay[i]) * t;
  }
  return { x, y };
}

/**
 * B positions of the `count` shared points that move farthest between their A position and their
 * aligned B position, farthest first (ties: lower position first).
 */
export function largestMovers(
  ax: ArrayLike<number>,
  ay: ArrayLike<number>,
  bx: ArrayLike<number>,
  by: ArrayLike<number>,
  bToA: Int32Array,
  count: number,
): number[] {
  const moved: { j: number; d: number }[] = [];
  for (let j = 0; j < bToA.length; j++) {
    const i = bToA[j];
    if (i >= 0) moved.push({ j, d: Math.hypot(bx[j] - ax[i], by[j] - ay[i]) });
  }
  moved.sort((p, q) => q.d - p.d || p.j - q.j);
  return moved.slice(0, count).map((m) => m.j);
}

/** Cubic ease-in-out on [0, 1], for the timed morph. */
export const easeInOutCubic = (f: number): number => (f < 0.5 ? 4 * f * f * f : 1 - (-2 * f + 2) ** 3 / 2);
