/**
 * Positions for stacked labels (e.g. line-end labels) that keep at least `gap` px between
 * neighbours and stay inside [lo, hi] when they fit: each label moves as little as the order allows.
 * Returns the new positions in the input's order.
 */
export function dodgeLabels(ys: readonly number[], gap: number, lo = -Infinity, hi = Infinity): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((p, q) => p.y - q.y || p.i - q.i);
  const out = order.map((p) => p.y);
  for (let k = 0; k < out.length; k++) out[k] = Math.max(out[k], k === 0 ? lo : out[k - 1] + gap);
  // Overflowing the bottom: push back up, keeping the gaps.
  for (let k = out.length - 1; k >= 0; k--) out[k] = Math.min(out[k], k === out.length - 1 ? hi : out[k + 1] - gap);
  const placed = new Array<number>(ys.length);
  order.forEach((p, k) => (placed[p.i] = out[k]));
  return placed;
}
