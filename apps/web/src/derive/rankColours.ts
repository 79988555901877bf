import { interpolateBlues, interpolateGreens, interpolateOranges } from 'd3-scale-chromatic';
import type { ResultHeadline } from '../api/types.js';
import { contrastRatio } from './contrastRatio.js';

export type MetricKey = 'UA' | 'RA' | 'TUA' | 'TRA' | 'RTE' | 'PS';
export interface CellColour {
  background: string;
  color: string;
}

const T0 = 0.03;
const T1 = 0.75;
const ramp = (f: (t: number) => string, u: number) => f(T0 + (T1 - T0) * Math.min(1, Math.max(0, u)));

/** The domains of the table's colour ramps that depend on the rows shown (TRA maximum, RT maximum). */
export function colourDomains(rows: readonly ResultHeadline[]): { traMax: number; rtMax: number } {
  const tra = rows.map((r) => r.metrics.TRA).filter((v): v is number => v !== null);
  const rt = rows.filter((r) => r.role === 'unlearned').map((r) => r.metrics.RTE).filter((v): v is number => v !== null);
  return { traMax: tra.length ? Math.max(...tra) : 1, rtMax: rt.length ? Math.max(...rt) : 1 };
}

/** Black or white, whichever contrasts more with the background (at least 4.58:1 on any colour). */
const textOn = (background: string) => (contrastRatio('#ffffff', background) >= contrastRatio('#000000', background) ? '#ffffff' : '#000000');

/**
 * Background and text colour of a metric cell (ui.md §2.1): UA/TUA Greens 0.2 → 0, RA Greens
 * 0.8 → 1, TRA Greens 0.8 → max, RT Blues max → 0, PS Oranges 0 → 1; null cells are white.
 * Unlike the reference's fixed switch points for white text, the text colour is chosen by
 * contrast, so every cell meets WCAG AA (§6 item 10).
 */
export function cellColour(key: MetricKey, value: number | null, d: { traMax: number; rtMax: number }): CellColour {
  if (value === null) return { background: '#ffffff', color: '#222' };
  let u: number;
  let f = interpolateGreens;
  switch (key) {
    case 'UA':
    case 'TUA':
      u = (0.2 - value) / 0.2;
      break;
    case 'RA':
      u = (value - 0.8) / 0.2;
      break;
    case 'TRA': {
      const span = Math.max(1e-9, d.traMax - 0.8);
      u = (value - 0.8) / span;
      break;
    }
    case 'RTE':
      f = interpolateBlues;
      u = d.rtMax > 0 ? (d.rtMax - value) / d.rtMax : 0;
      break;
    case 'PS':
      f = interpolateOranges;
      u = value;
      break;
  }
  const background = ramp(f, u);
  return { background, color: textOn(background) };
}
