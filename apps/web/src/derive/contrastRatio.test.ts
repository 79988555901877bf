import { describe, expect, it } from 'vitest';
import { contrastRatio, relativeLuminance } from './contrastRatio.js';

describe('WCAG 2.1 contrast ratio', () => {
  it('gives the known end points and values', () => {
    expect(relativeLuminance('#ffffff')).toBe(1);
    expect(relativeLuminance('#000000')).toBe(0);
    expect(contrastRatio('#ffffff', '#000000')).toBe(21);
    expect(contrastRatio('#000', '#fff')).toBe(21);
    expect(contrastRatio('#777777', '#777777')).toBe(1);
    // #767676 is the lightest grey that passes AA on white (4.54:1); #777777 just fails (4.48:1).
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    // Mid-grey #808080: L = ((128/255 + 0.055) / 1.055)^2.4 = 0.21586 → (1.05) / 0.26586 = 3.949.
    expect(contrastRatio('#808080', '#fff')).toBeCloseTo(3.949, 3);
    // Pure red: L = 0.2126 → 1.05 / 0.2626 = 3.998.
    expect(contrastRatio('#ff0000', '#ffffff')).toBeCloseTo(3.998, 3);
  });
});
