import { decodeSrgb, parseHex, type Rgb } from './srgb.js';

/** A CIELAB colour (D65 white), L* in [0, 100]. */
export interface Lab {
  L: number;
  a: number;
  b: number;
}

const WHITE_D65 = [0.95047, 1, 1.08883] as const;

/** sRGB (channels in [0, 1]) → CIELAB under D65, through linear RGB and CIE XYZ. */
export function rgbToLab(rgb: Rgb): Lab {
  const [r, g, b] = rgb.map(decodeSrgb);
  const xyz = [
    0.4124564 * r + 0.3575761 * g + 0.1804375 * b,
    0.2126729 * r + 0.7151522 * g + 0.072175 * b,
    0.0193339 * r + 0.119192 * g + 0.9503041 * b,
  ];
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  const [fx, fy, fz] = xyz.map((v, i) => f(v / WHITE_D65[i]));
  return { L: 116 * fy - 16, a: 500 * (fx - fy), b: 200 * (fy - fz) };
}

const deg = Math.PI / 180;
const hueDeg = (b: number, a: number) => {
  if (a === 0 && b === 0) return 0;
  const h = Math.atan2(b, a) / deg;
  return h < 0 ? h + 360 : h;
};

/**
 * CIEDE2000 colour difference (CIE 142-2001) with kL = kC = kH = 1, following the formulae and
 * hue conventions of Sharma, Wu & Dalal (2005), Color Res. Appl. 30(1).
 */
export function ciede2000(x: Lab, y: Lab): number {
  const C1 = Math.hypot(x.a, x.b);
  const C2 = Math.hypot(y.a, y.b);
  const Cbar7 = ((C1 + C2) / 2) ** 7;
  const G = 0.5 * (1 - Math.sqrt(Cbar7 / (Cbar7 + 25 ** 7)));
  const a1 = (1 + G) * x.a;
  const a2 = (1 + G) * y.a;
  const c1 = Math.hypot(a1, x.b);
  const c2 = Math.hypot(a2, y.b);
  const h1 = hueDeg(x.b, a1);
  const h2 = hueDeg(y.b, a2);

  const dL = y.L - x.L;
  const dC = c2 - c1;
  let dh = 0;
  if (c1 * c2 !== 0) {
    dh = h2 - h1;
    if (dh > 180) dh -= 360;
    else if (dh < -180) dh += 360;
  }
  const dH = 2 * Math.sqrt(c1 * c2) * Math.sin((dh / 2) * deg);

  const Lbar = (x.L + y.L) / 2;
  const cbar = (c1 + c2) / 2;
  let hbar = h1 + h2;
  if (c1 * c2 !== 0) {
    if (Math.abs(h1 - h2) <= 180) hbar /= 2;
    else hbar = h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2;
  }
  const T = 1 - 0.17 * Math.cos((hbar - 30) * deg) + 0.24 * Math.cos(2 * hbar * deg) + 0.32 * Math.cos((3 * hbar + 6) * deg) - 0.2 * Math.cos((4 * hbar - 63) * deg);
  const dTheta = 30 * Math.exp(-(((hbar - 275) / 25) ** 2));
  const cbar7 = cbar ** 7;
  const Rc = 2 * Math.sqrt(cbar7 / (cbar7 + 25 ** 7));
  const Sl = 1 + (0.015 * (Lbar - 50) ** 2) / Math.sqrt(20 + (Lbar - 50) ** 2);
  const Sc = 1 + 0.045 * cbar;
  const Sh = 1 + 0.015 * cbar * T;
  const Rt = -Math.sin(2 * dTheta * deg) * Rc;
  const l = dL / Sl;
  const c = dC / Sc;
  const h = dH / Sh;
  return Math.sqrt(l * l + c * c + h * h + Rt * c * h);
}

/** CIEDE2000 between two hex colours. */
export function deltaE00(p: string, q: string): number {
  return ciede2000(rgbToLab(parseHex(p)), rgbToLab(parseHex(q)));
}
