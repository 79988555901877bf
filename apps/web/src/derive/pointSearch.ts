/**
 * Point searches in a plot's screen coordinates (after zoom), used by hover, click and the
 * keyboard. `eligible(i)` excludes faded points, which take no pointer or keyboard hits.
 */

/** The eligible point nearest to (x, y) closer than `maxDistance` pixels, or −1. Ties: lower index. */
export function nearestPoint(xs: ArrayLike<number>, ys: ArrayLike<number>, x: number, y: number, maxDistance: number, eligible: (i: number) => boolean): number {
  let best = -1;
  let bestD = maxDistance * maxDistance;
  for (let i = 0; i < xs.length; i++) {
    if (!eligible(i)) continue;
    const dx = xs[i] - x, dy = ys[i] - y, d = dx * dx + dy * dy;
    if (d < bestD) { bestD = d; best = i; }
  }
  return best;
}

export type Direction = 'left' | 'right' | 'up' | 'down';

/**
 * The next eligible point from point `from` in a screen direction (y grows downwards), or −1.
 * Candidates lie strictly ahead along the direction; the cost is the distance ahead plus twice the
 * sideways offset, so the key follows the arrow rather than jumping to a close point off-axis.
 * Ties: lower index.
 */
export function nextInDirection(xs: ArrayLike<number>, ys: ArrayLike<number>, from: number, direction: Direction, eligible: (i: number) => boolean): number {
  const horizontal = direction === 'left' || direction === 'right';
  const sign = direction === 'right' || direction === 'down' ? 1 : -1;
  let best = -1;
  let bestCost = Infinity;
  for (let i = 0; i < xs.length; i++) {
    if (i === from || !eligible(i)) continue;
    const dx = xs[i] - xs[from], dy = ys[i] - ys[from];
    const ahead = sign * (horizontal ? dx : dy);
    if (ahead <= 0) continue;
    const cost = ahead + 2 * Math.abs(horizontal ? dy : dx);
    if (cost < bestCost) { bestCost = cost; best = i; }
  }
  return best;
}
