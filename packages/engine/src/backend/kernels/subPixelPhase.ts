/**
 * One output phase of a strided transposed convolution along one spatial axis.
 *
 * For stride s, the input positions y ≡ r (mod s) only receive filter taps k ≡ (r + padBefore) mod s,
 * so the rows of phase r are a stride-1 correlation of dy with those taps in reverse order. Pads can
 * come out negative (large explicit pads, unused trailing rows): the conv then runs with the pad
 * clamped to 0 and its output is read from `crop` on.
 */
export interface SubPixelPhase {
  /** First filter tap of this phase; the taps are first, first + s, … */
  firstTap: number;
  /** Number of taps (0: the phase receives no gradient and stays zero). */
  taps: number;
  /** Length of this phase along the axis (positions r, r + s, … below `length`). */
  length: number;
  /** Pads of the stride-1 forward conv, clamped to ≥ 0. */
  padBefore: number;
  padAfter: number;
  /** Leading conv outputs to skip (where the unclamped pad was negative). */
  crop: number;
  /** Trailing conv outputs past the phase (where the unclamped pad after was negative). */
  excess: number;
}

/**
 * @param r phase (0 ≤ r < stride)
 * @param length input length along the axis (H or W)
 * @param outLength forward-conv output length along the axis (Ho or Wo), i.e. dy's length
 */
export function subPixelPhase(
  r: number,
  stride: number,
  filterSize: number,
  padBefore: number,
  length: number,
  outLength: number,
): SubPixelPhase {
  const phaseLength = Math.max(0, Math.ceil((length - r) / stride));
  const firstTap = (r + padBefore) % stride;
  const taps = firstTap < filterSize ? Math.ceil((filterSize - firstTap) / stride) : 0;
  const shift = Math.floor((r + padBefore) / stride);
  const before = taps - 1 - shift;
  const after = phaseLength - outLength - before + taps - 1;
  return {
    firstTap,
    taps,
    length: phaseLength,
    padBefore: Math.max(0, before),
    padAfter: Math.max(0, after),
    crop: Math.max(0, -before),
    excess: Math.max(0, -after),
  };
}
