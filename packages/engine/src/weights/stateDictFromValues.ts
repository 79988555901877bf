import type { NetworkDefinition } from '../models/network.js';
import { batchNormNames } from './matchStateDict.js';
import { toPytorchLayout, pytorchShape } from './pytorchLayout.js';
import type { RawTensor } from './rawTensor.js';

/**
 * A model's values (declaration order, our layout) as a PyTorch state dict in torchvision's
 * order and layout, with `<bn>.num_batches_tracked` after each batch norm's running variance.
 * The counter is the imported one where there was one, else 0: PyTorch's strict
 * `load_state_dict` needs the key, and it only matters for momentum-free batch norm, which
 * neither of our architectures uses.
 */
export function stateDictFromValues(
  network: NetworkDefinition,
  values: readonly Float32Array[],
  numBatchesTracked: Readonly<Record<string, number>> = {},
): Map<string, RawTensor> {
  const batchNorms = new Set(batchNormNames(network));
  const out = new Map<string, RawTensor>();
  network.tensors.forEach((spec, i) => {
    out.set(spec.name, { dtype: 'F32', shape: pytorchShape(spec.shape), values: toPytorchLayout(values[i], spec.shape) });
    const layer = spec.name.slice(0, -'.running_var'.length);
    if (spec.name.endsWith('.running_var') && batchNorms.has(layer)) {
      out.set(`${layer}.num_batches_tracked`, { dtype: 'I64', shape: [], values: BigInt64Array.of(BigInt(numBatchesTracked[layer] ?? 0)) });
    }
  });
  return out;
}
