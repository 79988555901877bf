import { parseColour } from './srgb.js';

/**
 * WCAG 2.1 relative luminance of an sRGB colour. WCAG's definition uses 0.03928 as the decoding
 * threshold (sRGB's is 0.04045); the difference is below 8-bit resolution, but we follow WCAG.
 */
export function relativeLuminance(colour: string): number {
  const [r, g, b] = parseColour(colour).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.1 contrast ratio (1 – 21) of two colours, order-free: `contrastRatio('#fff', '#000') === 21`. */
export function contrastRatio(p: string, q: string): number {
  const [hi, lo] = [relativeLuminance(p), relativeLuminance(q)].sort((u, v) => v - u);
  return (hi + 0.05) / (lo + 0.05);
}

/** The WCAG AA minimum: 3:1 for large text (≥ 24 px, or ≥ 18.66 px bold) and non-text UI, 4.5:1 otherwise. */
export function aaMinimum(kind: 'text' | 'large' | 'ui'): number {
  return kind === 'text' ? 4.5 : 3;
}
