/**
 * The segment from p to q with `by` pixels cut off each end (ui.md §3.4's hover link line, which
 * must not cover the two marks it joins); null when the segment is not longer than 2·by.
 */
export function shortenSegment(p: [number, number], q: [number, number], by: number): [[number, number], [number, number]] | null {
  const dx = q[0] - p[0], dy = q[1] - p[1];
  const length = Math.hypot(dx, dy);
  if (length <= 2 * by) return null;
  const ux = (dx / length) * by, uy = (dy / length) * by;
  return [[p[0] + ux, p[1] + uy], [q[0] - ux, q[1] - uy]];
}
