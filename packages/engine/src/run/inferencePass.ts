import type { DatasetDescriptor } from '../data/catalog.js';
import type { ImageSet } from '../data/imageSet.js';
import { type FeatureMatrix, featureMatrix } from '../metrics/featureMatrix.js';
import type { Model } from '../models/model.js';
import { type InferenceOptions, inferenceBatches } from './inferenceBatches.js';

export interface InferencePassOptions extends InferenceOptions {
  /**
   * Positions in the visiting order whose activations are kept, in the order of the returned
   * rows (default: every image, in visiting order). Logits are always kept for every image.
   */
  activationRows?: ArrayLike<number>;
}

/** A row-major float32 matrix. */
export interface Float32Matrix extends FeatureMatrix {
  readonly data: Float32Array;
}

/** Logits of every visited image and the flattened activations of the kept rows. */
export interface InferenceResult {
  /** n × C, row-major, in visiting order. */
  logits: Float32Matrix;
  /** Per requested layer: rows × (values per image), flattened NHWC. */
  activations: Map<string, Float32Matrix>;
}

/**
 * One inference pass that copies the logits of every image and the requested layers'
 * activations of selected images into typed arrays (metrics.md §0: inference mode, no
 * augmentation). For the embedding, the features of 2,000 images come from the same pass
 * that evaluates the whole training split.
 *
 *   const { logits, activations } = await inferencePass(model, data.train, d, { layers: ['avgpool'], activationRows: sample });
 */
export async function inferencePass(
  model: Model,
  set: ImageSet,
  descriptor: DatasetDescriptor,
  options: InferencePassOptions = {},
): Promise<InferenceResult> {
  const n = options.indices?.length ?? set.count;
  const numClasses = model.shape.numClasses;
  const layers = options.layers ?? [];
  const logits = new Float32Array(n * numClasses);
  // slot[position] = output row of that image's activations, or −1.
  const slot = new Int32Array(n).fill(-1);
  const rows = options.activationRows ?? Int32Array.from({ length: n }, (_, i) => i);
  for (let r = 0; r < rows.length; r++) {
    const p = rows[r];
    if (!(Number.isInteger(p) && p >= 0 && p < n)) throw new Error(`invalid activation row: ${p} (expected 0..${n - 1})`);
    slot[p] = r;
  }
  const activations = new Map<string, Float32Array>();
  const widths = new Map<string, number>();

  for await (const batch of inferenceBatches(model, set, descriptor, options)) {
    logits.set(batch.logits, batch.start * numClasses);
    const wanted = slot.subarray(batch.start, batch.start + batch.size);
    if (layers.length === 0 || !wanted.some((r) => r >= 0)) continue;
    for (const name of layers) {
      const values = batch.activations.get(name)!;
      const width = values.length / batch.size;
      if (!activations.has(name)) {
        activations.set(name, new Float32Array(rows.length * width));
        widths.set(name, width);
      }
      const out = activations.get(name)!;
      wanted.forEach((r, i) => {
        if (r >= 0) out.set(values.subarray(i * width, (i + 1) * width), r * width);
      });
    }
  }

  return {
    logits: float32Matrix(logits, n, numClasses),
    activations: new Map([...activations].map(([name, data]) => [name, float32Matrix(data, rows.length, widths.get(name)!)])),
  };
}

function float32Matrix(data: Float32Array, rows: number, cols: number): Float32Matrix {
  featureMatrix(data, rows, cols);
  return { data, rows, cols };
}
