import { describe, expect, it } from 'vitest';
import { procrustes } from './procrustes.js';

describe('procrustes', () => {
  const x = [0, 1, 2, 0.5, -1];
  const y = [0, 0.5, -1, 2, 1];
  const pairs = x.map((_, i) => [i, i] as [number, number]);
  it('maps a layout onto itself unchanged', () => {
    const f = procrustes(x, y, x, y, pairs);
    x.forEach((_, i) => {
      const [px, py] = f(x[i], y[i]);
      expect(px).toBeCloseTo(x[i], 10);
      expect(py).toBeCloseTo(y[i], 10);
    });
  });
  it('undoes a rotation, reflection, scale and shift', () => {
    const tx = x.map((v, i) => -2 * v + 3); // reflect x, scale 2, shift
    const ty = y.map((v) => 2 * v - 1);
    const f = procrustes(tx, ty, x, y, pairs);
    x.forEach((_, i) => {
      const [px, py] = f(tx[i], ty[i]);
      expect(px).toBeCloseTo(x[i], 8);
      expect(py).toBeCloseTo(y[i], 8);
    });
  });
});
