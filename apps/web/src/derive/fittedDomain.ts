/** A value domain fitted to the data within [floor, ceil]: padded by 10 % of its span (0.05 when flat), rounded out to 0.05. */
export function fittedDomain(values: readonly number[], floor = 0, ceil = 1): [number, number] {
  if (values.length === 0) return [floor, ceil];
  const min = Math.min(...values), max = Math.max(...values);
  const pad = (max - min) * 0.1 || 0.05;
  const lo = Math.max(floor, Math.floor((min - pad) * 20) / 20);
  const hi = Math.min(ceil, Math.ceil((max + pad) * 20) / 20);
  return [lo, hi];
}
