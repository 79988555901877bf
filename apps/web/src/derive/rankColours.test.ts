import { describe, expect, it } from 'vitest';
import { cellColour, colourDomains } from './rankColours.js';
import { row } from './testRows.js';

describe('cellColour', () => {
  const d = { traMax: 0.9, rtMax: 100 };
  it('is white for null cells', () => {
    expect(cellColour('UA', null, d)).toEqual({ background: '#ffffff', color: '#222' });
  });
  it('gives the same palest colour to every UA ≥ 0.2, and white text at UA ≤ 0.1', () => {
    expect(cellColour('UA', 0.2, d).background).toBe(cellColour('UA', 0.9, d).background);
    expect(cellColour('UA', 0.1, d).color).toBe('#ffffff');
    expect(cellColour('UA', 0.11, d).color).toBe('#222222');
  });
  it('darkens RT towards 0 s and PS towards 1', () => {
    expect(cellColour('RTE', 10, d).color).toBe('#ffffff');
    expect(cellColour('RTE', 90, d).color).toBe('#222222');
    expect(cellColour('PS', 0.6, d).color).toBe('#ffffff');
  });
});

describe('colourDomains', () => {
  it('takes the TRA maximum over all rows and the RT maximum over unlearned rows only', () => {
    const rows = [row({ id: 'a', role: 'original', metrics: { UA: 1, RA: 1, TUA: 1, TRA: 0.95, PS: 0, psBasis: 'full', RTE: 900 } }), row({ id: 'b' })];
    expect(colourDomains(rows)).toEqual({ traMax: 0.95, rtMax: 10 });
  });
});
