/** The largest per-class difference between measured and stored accuracies, and its class. */
export interface AccuracyDrift {
  drift: number;
  /** The class of the largest difference; null when no class has a known accuracy in both. */
  cls: number | null;
}

/**
 * Largest |measured − stored| over the classes. A class known in one list and unknown (null: no
 * images) in the other differs by 1, the most two accuracies can.
 *
 *   accuracyDrift([0.9, 0.8], [0.9, 0.75]) // {drift: 0.05…, cls: 1}
 */
export function accuracyDrift(measured: readonly (number | null)[], stored: readonly (number | null)[]): AccuracyDrift {
  if (measured.length !== stored.length) throw new Error(`expected ${stored.length} class accuracies, got ${measured.length}`);
  let worst: AccuracyDrift = { drift: 0, cls: null };
  measured.forEach((m, c) => {
    const s = stored[c];
    if (m === null && s === null) return;
    const d = m === null || s === null ? 1 : Math.abs(m - s);
    if (worst.cls === null || d > worst.drift) worst = { drift: d, cls: c };
  });
  return worst;
}
