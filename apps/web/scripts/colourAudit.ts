/**
 * Prints the colour audit: CIEDE2000 differences of both themes under normal vision and the
 * three dichromacies (Machado et al. 2009), and the WCAG 2.1 contrast of the app's text colours.
 * Run with `pnpm audit:colours`; exits 1 when a check owned by the themes or the stylesheet fails.
 */
import { RETRAINED, THEMES } from '../src/components/themes.js';
import { AUDIT_THRESHOLDS, auditFailures, auditTheme } from '../src/derive/colourAudit.js';
import { auditContrast, colourPairs } from '../src/derive/contrastAudit.js';

const f1 = (x: number) => x.toFixed(1);
let failed = false;

console.log(`Colour differences (ΔE00; thresholds: models ≥ ${AUDIT_THRESHOLDS.models}, class pairs ≥ ${AUDIT_THRESHOLDS.classes})\n`);
console.log('| theme | vision | A/B fills | A/B strokes | A/Retrained | B/Retrained | closest classes | faintest class on white | result |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const [name, theme] of Object.entries(THEMES)) {
  for (const row of auditTheme(theme, RETRAINED)) {
    const fails = auditFailures(row);
    if (name === 'cvd' && fails.length) failed = true;
    const c = row.closestClasses;
    console.log(
      `| ${name} | ${row.vision} | ${f1(row.fillsAB)} | ${f1(row.strokesAB)} | ${f1(row.aRetrained)} | ${f1(row.bRetrained)} | ${c.i}/${c.j}: ${f1(c.dE)} | ${row.faintestClass.i}: ${f1(row.faintestClass.dE)} | ${fails.length ? `below: ${fails.join(', ')}` : 'pass'} |`,
    );
  }
}

console.log('\nWCAG 2.1 contrast (AA: 4.5:1 text, 3:1 large text and UI marks)\n');
console.log('| use | foreground | background | ratio | needs | result | set in |');
console.log('|---|---|---|---|---|---|---|');
for (const r of auditContrast(colourPairs())) {
  if (!r.pass && r.file !== 'derive/rankColours.ts') failed = true;
  console.log(`| ${r.use} | ${r.fg} | ${r.bg} | ${r.ratio.toFixed(2)} | ${r.required} | ${r.pass ? 'pass' : 'FAIL'} | ${r.file}${r.rule ? ` \`${r.rule}\`` : ''} |`);
}
process.exitCode = failed ? 1 : 0;
