import { describe, expect, it } from 'vitest';
import { MACHADO_2009, simulateHex, simulateRgb } from './colourVision.js';
import { decodeSrgb, encodeSrgb } from './srgb.js';

describe('Machado et al. (2009) colour-vision simulation at severity 1.0', () => {
  it('maps the sRGB primaries to the matrix columns (linear RGB, clamped, re-encoded)', () => {
    // Expected values: the published matrix columns, encoded with the sRGB curve by hand.
    expect(simulateHex('#ff0000', 'protanopia')).toBe('#6d5f00');
    expect(simulateHex('#00ff00', 'protanopia')).toBe('#ffe500');
    expect(simulateHex('#0000ff', 'protanopia')).toBe('#0059ff');
    expect(simulateHex('#ff0000', 'deuteranopia')).toBe('#a39000');
    expect(simulateHex('#00ff00', 'deuteranopia')).toBe('#efd63a');
    expect(simulateHex('#0000ff', 'deuteranopia')).toBe('#003dfb');
    expect(simulateHex('#ff0000', 'tritanopia')).toBe('#ff000f');
    expect(simulateHex('#0000ff', 'tritanopia')).toBe('#006b96');
  });

  it('works in linear light: red at half linear intensity gives half the protanope column', () => {
    const half = encodeSrgb(0.5);
    const out = simulateRgb([half, 0, 0], 'protanopia').map(decodeSrgb);
    expect(out[0]).toBeCloseTo(0.5 * 0.152286, 6);
    expect(out[1]).toBeCloseTo(0.5 * 0.114503, 6);
    expect(out[2]).toBe(0);
  });

  it('leaves neutrals alone (each matrix row sums to 1) and normal vision unchanged', () => {
    for (const m of Object.values(MACHADO_2009)) for (const row of m) expect(row[0] + row[1] + row[2]).toBeCloseTo(1, 5);
    for (const grey of ['#ffffff', '#6a6a6a', '#000000']) {
      expect(simulateHex(grey, 'deuteranopia')).toBe(grey);
      expect(simulateHex(grey, 'tritanopia')).toBe(grey);
    }
    expect(simulateHex('#10b981', 'normal')).toBe('#10b981');
  });
});
