import { describe, expect, it } from 'vitest';
import { RETRAINED, THEMES } from '../components/themes.js';
import { AUDIT_THRESHOLDS, auditFailures, auditTheme, seenDifference } from './colourAudit.js';

describe('colour audit of the themes (CIEDE2000 under Machado et al. 2009 dichromacy)', () => {
  const cvd = auditTheme(THEMES.cvd, RETRAINED);
  const standard = auditTheme(THEMES.standard, RETRAINED);

  it('keeps the CVD theme above every threshold for all four kinds of vision', () => {
    expect(cvd.map((r) => r.vision)).toEqual(['normal', 'protanopia', 'deuteranopia', 'tritanopia']);
    for (const row of cvd) {
      expect(row.fillsAB).toBeGreaterThanOrEqual(AUDIT_THRESHOLDS.models);
      expect(row.strokesAB).toBeGreaterThanOrEqual(AUDIT_THRESHOLDS.models);
      expect(auditFailures(row)).toEqual([]);
      // No class colour fades into the white plot background (Okabe–Ito yellow, ΔE00 ≈ 17, was dropped for this).
      expect(row.faintestClass.dE).toBeGreaterThanOrEqual(25);
    }
  });

  it('finds the standard theme’s known weakness: Tableau red/green classes merge for deuteranopes', () => {
    const deutan = standard.find((r) => r.vision === 'deuteranopia')!;
    // Classes 2 (#E15759 red) and 4 (#59A14F green) are ~0.7 apart for a deuteranope.
    expect([deutan.closestClasses.i, deutan.closestClasses.j]).toEqual([2, 4]);
    expect(deutan.closestClasses.dE).toBeLessThan(1);
    expect(auditFailures(deutan)).toHaveLength(1);
    // Under normal vision the standard theme passes too.
    expect(auditFailures(standard[0])).toEqual([]);
  });

  it('reports the closest class pair exactly (checked against a direct scan)', () => {
    for (const row of cvd) {
      const { i, j, dE } = row.closestClasses;
      expect(dE).toBeCloseTo(seenDifference(THEMES.cvd.classes[i], THEMES.cvd.classes[j], row.vision), 10);
      for (let p = 0; p < 10; p++) for (let q = p + 1; q < 10; q++) expect(seenDifference(THEMES.cvd.classes[p], THEMES.cvd.classes[q], row.vision)).toBeGreaterThanOrEqual(dE);
    }
  });

  it('fails a palette whose A and B only differ in red–green (emerald vs a red of equal lightness)', () => {
    const bad = { ...THEMES.cvd, A: '#4a9a3a', B: '#b07a3a' };
    const deutan = auditTheme(bad, RETRAINED).find((r) => r.vision === 'deuteranopia')!;
    expect(deutan.fillsAB).toBeLessThan(AUDIT_THRESHOLDS.models);
  });
});
