/** A dense row-major matrix of samples × features (typed array or plain array). */
export interface FeatureMatrix {
  readonly data: ArrayLike<number>;
  readonly rows: number;
  readonly cols: number;
}

/**
 * Wraps row-major data as a matrix after checking its length.
 *
 *   featureMatrix(new Float32Array(2000 * 512), 2000, 512)
 */
export function featureMatrix(data: ArrayLike<number>, rows: number, cols: number): FeatureMatrix {
  if (!Number.isInteger(rows) || rows < 0) throw new Error(`invalid matrix rows: ${rows}`);
  if (!Number.isInteger(cols) || cols < 1) throw new Error(`invalid matrix cols: ${cols}`);
  if (data.length !== rows * cols) {
    throw new Error(`invalid matrix data length: ${data.length} (expected ${rows}×${cols} = ${rows * cols})`);
  }
  return { data, rows, cols };
}
