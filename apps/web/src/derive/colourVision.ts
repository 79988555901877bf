import { decodeSrgb, encodeSrgb, parseHex, type Rgb, toHex } from './srgb.js';

export type Deficiency = 'protanopia' | 'deuteranopia' | 'tritanopia';
export type Vision = 'normal' | Deficiency;
export const VISIONS: readonly Vision[] = ['normal', 'protanopia', 'deuteranopia', 'tritanopia'];

type Matrix = readonly [Rgb, Rgb, Rgb];

/**
 * Machado, Oliveira & Fernandes (2009), "A physiologically-based model for simulation of color
 * vision deficiency", IEEE TVCG 15(6): the severity-1.0 matrices, which act on linear RGB.
 */
export const MACHADO_2009: Record<Deficiency, Matrix> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

/** Simulates how a colour-deficient observer sees an sRGB colour (result clamped to the gamut). */
export function simulateRgb(rgb: Rgb, vision: Vision): Rgb {
  if (vision === 'normal') return rgb;
  const lin = rgb.map(decodeSrgb);
  const m = MACHADO_2009[vision];
  return m.map((row) => encodeSrgb(Math.min(1, Math.max(0, row[0] * lin[0] + row[1] * lin[1] + row[2] * lin[2])))) as unknown as Rgb;
}

/** `simulateRgb` on hex strings, e.g. `simulateHex('#ff0000', 'protanopia')`. */
export function simulateHex(hex: string, vision: Vision): string {
  return toHex(simulateRgb(parseHex(hex), vision));
}
