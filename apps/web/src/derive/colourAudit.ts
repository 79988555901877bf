import { deltaE00 } from './colourDifference.js';
import { simulateHex, VISIONS, type Vision } from './colourVision.js';

/** The colours of one theme that must stay apart: the two models and the class palette. */
export interface AuditedTheme {
  A: string;
  AStroke: string;
  B: string;
  BStroke: string;
  classes: readonly string[];
}

/** One row of the audit: a theme seen with one kind of vision, as CIEDE2000 differences. */
export interface VisionAudit {
  vision: Vision;
  fillsAB: number;
  strokesAB: number;
  aRetrained: number;
  bRetrained: number;
  /** The closest pair of the class palette (class indices) and its difference. */
  closestClasses: { i: number; j: number; dE: number };
  /** The class colour closest to the white background, for reference (not a pass/fail check). */
  faintestClass: { i: number; dE: number };
}

/**
 * Thresholds of the audit. ΔE00 ≈ 1 is a just-noticeable difference between large adjacent
 * patches, but marks here are small (2–4 px dots, 1.5 px lines, thin bars), and the difference
 * needed grows steeply as marks shrink (Stone, Szafir & Setlur 2014). A and B, and each of them
 * against the Retrained grey, are compared everywhere, so they need an obvious difference (10);
 * the ten classes are read against a legend, but as 3 px scatter dots, so the same bar (10) applies
 * to every pair of them.
 */
export const AUDIT_THRESHOLDS = { models: 10, classes: 10 } as const;

/** ΔE00 between two colours as an observer with `vision` sees them. */
export function seenDifference(p: string, q: string, vision: Vision): number {
  return deltaE00(simulateHex(p, vision), simulateHex(q, vision));
}

/** Audits one theme under normal vision and the three dichromacies of Machado et al. (2009). */
export function auditTheme(theme: AuditedTheme, retrained: string): VisionAudit[] {
  return VISIONS.map((vision) => {
    let closestClasses = { i: -1, j: -1, dE: Infinity };
    theme.classes.forEach((p, i) =>
      theme.classes.slice(i + 1).forEach((q, k) => {
        const dE = seenDifference(p, q, vision);
        if (dE < closestClasses.dE) closestClasses = { i, j: i + 1 + k, dE };
      }),
    );
    const onWhite = theme.classes.map((p) => seenDifference(p, '#ffffff', vision));
    const faintest = onWhite.indexOf(Math.min(...onWhite));
    return {
      vision,
      fillsAB: seenDifference(theme.A, theme.B, vision),
      strokesAB: seenDifference(theme.AStroke, theme.BStroke, vision),
      aRetrained: seenDifference(theme.A, retrained, vision),
      bRetrained: seenDifference(theme.B, retrained, vision),
      closestClasses,
      faintestClass: { i: faintest, dE: onWhite[faintest] },
    };
  });
}

/** The checks of an audit row that fall below the thresholds (empty when it passes). */
export function auditFailures(row: VisionAudit): string[] {
  const t = AUDIT_THRESHOLDS;
  const fails: string[] = [];
  if (row.fillsAB < t.models) fails.push(`A/B fills ${row.fillsAB.toFixed(1)}`);
  if (row.strokesAB < t.models) fails.push(`A/B strokes ${row.strokesAB.toFixed(1)}`);
  if (row.aRetrained < t.models) fails.push(`A/Retrained ${row.aRetrained.toFixed(1)}`);
  if (row.bRetrained < t.models) fails.push(`B/Retrained ${row.bRetrained.toFixed(1)}`);
  if (row.closestClasses.dE < t.classes) fails.push(`classes ${row.closestClasses.i}/${row.closestClasses.j} ${row.closestClasses.dE.toFixed(1)}`);
  return fails;
}
