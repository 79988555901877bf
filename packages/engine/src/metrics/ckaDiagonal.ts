import type { FeatureMatrix } from './featureMatrix.js';
import { linearCka } from './linearCka.js';

/**
 * The diagonal of the layer-by-layer CKA matrix: layer ℓ of the evaluated model against the
 * same layer ℓ of the reference model, nothing else (metrics.md §10, Decision (d)).
 *
 *   ckaDiagonal(activationsOfModel, activationsOfOriginal, 200) // one value per named layer
 */
export function ckaDiagonal(
  layers: readonly FeatureMatrix[],
  referenceLayers: readonly FeatureMatrix[],
  batchSize: number,
): (number | null)[] {
  if (layers.length !== referenceLayers.length) {
    throw new Error(`invalid CKA layers: ${layers.length} vs ${referenceLayers.length} (expected one reference per layer)`);
  }
  return layers.map((x, i) => linearCka(x, referenceLayers[i], batchSize));
}
