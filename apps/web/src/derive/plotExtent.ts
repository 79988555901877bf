/** [min, max] of the values, padded by 1 % of the range (±1 when all are equal), for a plot's domain. */
export const plotExtent = (v: ArrayLike<number>): [number, number] => {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < v.length; i++) { if (v[i] < lo) lo = v[i]; if (v[i] > hi) hi = v[i]; }
  const pad = (hi - lo) * 0.01 || 1;
  return [lo - pad, hi + pad];
};
