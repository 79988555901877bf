import { describe, expect, it } from 'vitest';
import { contrastRatio } from './contrastRatio.js';
import { cellColour, colourDomains } from './rankColours.js';
import { row } from './testRows.js';

describe('cellColour', () => {
  const d = { traMax: 0.9, rtMax: 100 };
  it('is white for null cells', () => {
    expect(cellColour('UA', null, d)).toEqual({ background: '#ffffff', color: '#222' });
  });
  it('gives the same palest colour to every UA ≥ 0.2, and dark text on it', () => {
    expect(cellColour('UA', 0.2, d).background).toBe(cellColour('UA', 0.9, d).background);
    expect(cellColour('UA', 0.9, d).color).toBe('#000000');
  });
  it('darkens RT towards 0 s, and picks the text colour that contrasts more', () => {
    expect(cellColour('RTE', 0, d).color).toBe('#ffffff'); // rgb(34, 113, 180): 5.1:1 white, 4.1:1 black
    expect(cellColour('RTE', 90, d).color).toBe('#000000');
    expect(cellColour('UA', 0, d).color).toBe('#000000'); // rgb(34, 139, 69): 4.3:1 white, 4.9:1 black
  });
  it('meets WCAG AA (4.5:1) in every cell of every ramp', () => {
    for (const key of ['UA', 'RA', 'TUA', 'TRA', 'RTE', 'PS'] as const) {
      for (let i = 0; i <= 100; i++) {
        const value = key === 'RTE' ? i : i / 100;
        const c = cellColour(key, value, { traMax: 1, rtMax: 100 });
        expect(contrastRatio(c.color, c.background), `${key} = ${value}`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
});

describe('colourDomains', () => {
  it('takes the TRA maximum over all rows and the RT maximum over unlearned rows only', () => {
    const rows = [row({ id: 'a', role: 'original', metrics: { UA: 1, RA: 1, TUA: 1, TRA: 0.95, PS: 0, psBasis: 'full', RTE: 900 } }), row({ id: 'b' })];
    expect(colourDomains(rows)).toEqual({ traMax: 0.95, rtMax: 10 });
  });
});
