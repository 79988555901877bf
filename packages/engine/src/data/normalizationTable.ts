import type { Normalization } from './catalog.js';

/**
 * A lookup table from raw pixel values to normalised ones: entry `c·256 + v` is
 * `(v/255 − mean_c) / std_c` (methods.md §1.2), computed in float64 and stored as float32.
 * Entry `c·256 + 0` is the black pad value −mean_c/std_c.
 *
 *   const table = normalizationTable(describeDataset('cifar10').normalization);
 *   table[0]; // ≈ −2.429 (black, red channel)
 */
export function normalizationTable({ mean, std }: Normalization): Float32Array {
  if (mean.length !== std.length || mean.length === 0) {
    throw new Error(`normalization: ${mean.length} means for ${std.length} stds`);
  }
  const table = new Float32Array(256 * mean.length);
  for (let c = 0; c < mean.length; c++) {
    if (!(std[c] > 0)) throw new Error(`normalization: std of channel ${c} is ${std[c]} (expected > 0)`);
    for (let v = 0; v < 256; v++) table[c * 256 + v] = (v / 255 - mean[c]) / std[c];
  }
  return table;
}
