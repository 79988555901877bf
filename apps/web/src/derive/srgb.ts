/** An sRGB colour as three channels in [0, 1]. */
export type Rgb = readonly [number, number, number];

/** Parses `#rgb` or `#rrggbb` into sRGB channels in [0, 1]. */
export function parseHex(hex: string): Rgb {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`invalid hex colour: ${hex}`);
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16) / 255) as unknown as Rgb;
}

/** Parses a CSS colour as written by our code and by d3: `#rgb`, `#rrggbb` or `rgb(r, g, b)`. */
export function parseColour(css: string): Rgb {
  const m = /^rgb\(\s*(\d+),\s*(\d+),\s*(\d+)\s*\)$/.exec(css);
  return m ? [Number(m[1]) / 255, Number(m[2]) / 255, Number(m[3]) / 255] : parseHex(css);
}

/** Formats sRGB channels (clamped to [0, 1]) as `#rrggbb`. */
export function toHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(Math.min(1, Math.max(0, c)) * 255).toString(16).padStart(2, '0')).join('')}`;
}

/** The sRGB transfer function, decoded: gamma-encoded channel → linear light (IEC 61966-2-1). */
export function decodeSrgb(c: number): number {
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** Linear light → gamma-encoded sRGB channel. */
export function encodeSrgb(c: number): number {
  return c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055;
}

/** `p` painted over with `q` at opacity `t` (CSS compositing, which mixes the encoded channels). */
export function mixColours(p: string, q: string, t: number): string {
  const [u, v] = [parseColour(p), parseColour(q)];
  return toHex([0, 1, 2].map((i) => u[i] * (1 - t) + v[i] * t) as unknown as Rgb);
}
