/**
 * Similarity Procrustes: the rotation/reflection, uniform scale and translation that map the
 * points `from` onto `to` with least squares (2-D closed form). Returns the transformed `from`.
 */
export function procrustes(fromX: readonly number[], fromY: readonly number[], toX: readonly number[], toY: readonly number[], pairs: readonly [number, number][]): (x: number, y: number) => [number, number] {
  const n = pairs.length;
  if (n < 2) return (x, y) => [x, y];
  let mfx = 0, mfy = 0, mtx = 0, mty = 0;
  for (const [i, j] of pairs) {
    mfx += fromX[i]; mfy += fromY[i]; mtx += toX[j]; mty += toY[j];
  }
  mfx /= n; mfy /= n; mtx /= n; mty /= n;
  // Cross-covariance terms and the source variance.
  let sxx = 0, sxy = 0, syx = 0, syy = 0, varF = 0;
  for (const [i, j] of pairs) {
    const ax = fromX[i] - mfx, ay = fromY[i] - mfy, bx = toX[j] - mtx, by = toY[j] - mty;
    sxx += ax * bx; sxy += ax * by; syx += ay * bx; syy += ay * by;
    varF += ax * ax + ay * ay;
  }
  if (varF === 0) return (x, y) => [x - mfx + mtx, y - mfy + mty];
  // Best proper rotation and best reflection; keep whichever fits better.
  const rot = { a: sxx + syy, b: sxy - syx };
  const ref = { a: sxx - syy, b: sxy + syx };
  const nr = Math.hypot(rot.a, rot.b);
  const nf = Math.hypot(ref.a, ref.b);
  if (nr >= nf) {
    const c = rot.a / (nr || 1), s = rot.b / (nr || 1), k = nr / varF;
    return (x, y) => {
      const ax = x - mfx, ay = y - mfy;
      return [k * (c * ax - s * ay) + mtx, k * (s * ax + c * ay) + mty];
    };
  }
  const c = ref.a / (nf || 1), s = ref.b / (nf || 1), k = nf / varF;
  return (x, y) => {
    const ax = x - mfx, ay = y - mfy;
    return [k * (c * ax + s * ay) + mtx, k * (s * ax - c * ay) + mty];
  };
}
