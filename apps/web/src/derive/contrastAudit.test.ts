import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditContrast, BADGE_SHADE, colourPairs } from './contrastAudit.js';

const rows = auditContrast(colourPairs());
const STYLES = readFileSync(new URL('../styles.css', import.meta.url), 'utf8');

describe('WCAG 2.1 AA contrast of the app’s text colours', () => {
  it('passes for every pair set in styles.css and the themes', () => {
    const ours = rows.filter((r) => r.file !== 'derive/rankColours.ts');
    expect(ours.length).toBeGreaterThan(40);
    expect(ours.filter((r) => !r.pass).map((r) => `${r.use}: ${r.ratio.toFixed(2)}`)).toEqual([]);
  });

  it('audits the colours the stylesheet really uses', () => {
    for (const r of rows.filter((x) => x.rule)) {
      const line = STYLES.split('\n').find((l) => l.startsWith(`${r.rule} {`));
      expect(line, r.rule).toBeDefined();
      // Pairs whose background is not set by that rule (drawn on white, the header's black, a fill) only check the foreground.
      const colours = [r.fg, r.bg].filter((c) => line!.toLowerCase().includes(c.toLowerCase()));
      expect(colours.length, `${r.rule} should set ${r.fg}`).toBeGreaterThan(0);
    }
  });

  it('audits the badge shade the stylesheet applies', () => {
    expect(STYLES).toContain(`.model-name .ab-badge { box-shadow: inset 0 0 0 100px rgba(0, 0, 0, ${BADGE_SHADE}); }`);
  });

  it('pins the known ratios', () => {
    const ratio = (use: string) => rows.find((r) => r.use === use)!.ratio;
    expect(ratio('body text')).toBeCloseTo(15.91, 2);
    expect(ratio('secondary text (empty states)')).toBeCloseTo(4.83, 2);
    expect(ratio('standard: Model A name (stroke colour on white)')).toBeCloseTo(4.87, 2);
    expect(ratio('standard: Model A letter badge')).toBeGreaterThanOrEqual(4.5);
  });
});
