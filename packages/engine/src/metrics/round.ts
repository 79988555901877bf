/**
 * Rounds to the nearest decimal with `digits` places, ties to even, judged on the exact binary
 * value (Python's `round(x, d)`, which the reference system used for its attack values).
 *
 *   round(0.125, 2) // 0.12 (exact tie → even)   round(1.005, 2) // 1 (1.005 is 1.00499… in binary)
 */
export function round(x: number, digits: number): number {
  if (!Number.isInteger(digits) || digits < 0 || digits > 15) {
    throw new Error(`invalid digits: ${digits} (expected an integer in 0..15)`);
  }
  if (!Number.isFinite(x)) return x;
  // toFixed rounds the exact binary value correctly but breaks exact ties upwards; 60 more
  // digits are enough to see whether the value is an exact tie (doubles ≥ 2^-8 have ≤ 60).
  const fixed = Math.abs(x).toFixed(digits);
  const long = Math.abs(x).toFixed(Math.min(100, digits + 60));
  const tail = long.slice(long.length - 60);
  let r = Number(fixed);
  if (tail === '5'.padEnd(60, '0')) {
    const scaled = Number(long.slice(0, long.length - 60).replace('.', ''));
    // scaled is the truncated value in units of 10^-digits: keep it if even, else round up.
    r = (scaled % 2 === 0 ? scaled : scaled + 1) / 10 ** digits;
  }
  // No negative zero: -0.001 rounded to 2 places is stored as 0.
  return x < 0 && r !== 0 ? -r : r;
}
