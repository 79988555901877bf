/** The parallel-coordinates part of the shareable URL state (ui.md §6 items 4 and 8). */
export interface ParallelUrlState {
  brushes: Record<string, [number, number]>;
  pcOrder: string[];
  pcFlipped: string[];
}

const AXIS_KEY = /^[A-Za-z][A-Za-z0-9]*$/;
const BRUSH_PREFIX = 'b.';

/**
 * Writes brushes as `b.<axis>=<lo>_<hi>`, the axis order as `pco=<key>.<key>…` and the flipped
 * axes as `pcf=<key>.<key>…`; empty parts are left out. These characters need no escaping.
 */
export function encodeParallelUrl(s: ParallelUrlState, q: URLSearchParams): void {
  for (const [key, [lo, hi]] of Object.entries(s.brushes)) q.set(`${BRUSH_PREFIX}${key}`, `${lo}_${hi}`);
  if (s.pcOrder.length > 0) q.set('pco', s.pcOrder.join('.'));
  if (s.pcFlipped.length > 0) q.set('pcf', s.pcFlipped.join('.'));
}

const keyList = (value: string | null) => [...new Set((value ?? '').split('.').filter((k) => AXIS_KEY.test(k)))];

/** Reads what `encodeParallelUrl` wrote; malformed entries are dropped, never thrown. */
export function decodeParallelUrl(q: URLSearchParams): Partial<ParallelUrlState> {
  const out: Partial<ParallelUrlState> = {};
  const brushes: Record<string, [number, number]> = {};
  for (const [name, value] of q) {
    const key = name.slice(BRUSH_PREFIX.length);
    if (!name.startsWith(BRUSH_PREFIX) || !AXIS_KEY.test(key)) continue;
    const ends = value.split('_');
    if (ends.length !== 2 || ends.some((v) => v.trim() === '')) continue;
    const [lo, hi] = ends.map(Number);
    if (Number.isFinite(lo) && Number.isFinite(hi)) brushes[key] = [Math.min(lo, hi), Math.max(lo, hi)];
  }
  if (Object.keys(brushes).length > 0) out.brushes = brushes;
  const order = keyList(q.get('pco'));
  if (order.length > 0) out.pcOrder = order;
  const flipped = keyList(q.get('pcf'));
  if (flipped.length > 0) out.pcFlipped = flipped;
  return out;
}
