const DELTA = 1e-5;
const EPS = 1e-10;

/**
 * Attack score 1 − fq of one threshold from its false-positive and false-negative rates
 * (metrics.md §8): 1 for perfect separation, 0 when either rate is ~1, else
 * 1 − 2^(−ε) with ε = max(0, min(ln(1−δ−FPR) − ln FNR, ln(1−δ−FNR) − ln FPR)).
 *
 *   attackScore(0.1, 0.2) // 0.6474…
 */
export function attackScore(fpr: number, fnr: number, delta = DELTA): number {
  if (!(fpr >= 0 && fpr <= 1)) throw new Error(`invalid FPR: ${fpr} (expected a fraction in [0, 1])`);
  if (!(fnr >= 0 && fnr <= 1)) throw new Error(`invalid FNR: ${fnr} (expected a fraction in [0, 1])`);
  if (fpr === 0 && fnr === 0) return 1;
  if (fpr >= 1 - delta || fnr >= 1 - delta) return 0;
  const sfp = clip(fpr, EPS, 1 - delta - EPS);
  const sfn = clip(fnr, EPS, 1 - delta - EPS);
  // Natural logs for ε, base 2 for fq: both as in the reference system.
  const epsilon = Math.max(0, Math.min(Math.log(1 - delta - sfp) - Math.log(sfn), Math.log(1 - delta - sfn) - Math.log(sfp)));
  return 1 - 2 ** -epsilon;
}

function clip(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
