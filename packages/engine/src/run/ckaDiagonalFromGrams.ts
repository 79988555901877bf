import { ckaFromGrams } from '../metrics/ckaFromGrams.js';
import { round } from '../metrics/round.js';
import type { LayerGrams } from './ckaGrams.js';

/**
 * The diagonal CKA of one list: layer ℓ of the evaluated model against layer ℓ of the reference,
 * from both models' per-batch Gram matrices (metrics.md §10), 4 decimals. Null for every layer
 * when the list has no batch, and for a layer whose activations are constant.
 *
 *   ckaDiagonalFromGrams(modelGrams.train.forget, originalGrams.train.forget) // one value per layer
 */
export function ckaDiagonalFromGrams(model: LayerGrams, reference: LayerGrams): (number | null)[] {
  if (model.grams.length !== reference.grams.length || model.sizes.join() !== reference.sizes.join()) {
    throw new Error(
      `invalid CKA reference: ${reference.grams.length} layers × batches [${reference.sizes}] (expected ${model.grams.length} × [${model.sizes}])`,
    );
  }
  return model.grams.map((batches, layer) => {
    if (batches.length === 0) return null;
    const cka = ckaFromGrams(batches.map((k, b) => ({ k, l: reference.grams[layer][b], n: model.sizes[b] })));
    return cka === null ? null : round(cka, 4);
  });
}
