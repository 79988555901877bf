import type { NetworkDefinition } from '../models/network.js';
import { fromPytorchLayout, pytorchShape } from './pytorchLayout.js';
import type { RawTensor } from './rawTensor.js';

/** What a PyTorch state dict gives a model of ours. */
export interface MatchedStateDict {
  /** One Float32Array per tensor of the network, in declaration order and our layout. */
  values: Float32Array[];
  /** `<bn>.num_batches_tracked` of each batch norm that had one, kept so that an export gives it back. */
  numBatchesTracked: Record<string, number>;
}

const BN_COUNTER = '.num_batches_tracked';

/** The batch-norm layers of a network (those with a running mean). */
export function batchNormNames(network: NetworkDefinition): string[] {
  return network.tensors.filter((s) => s.name.endsWith('.running_mean')).map((s) => s.name.slice(0, -'.running_mean'.length));
}

/**
 * Checks a PyTorch state dict against an architecture — every name, shape and dtype, finite
 * values — and converts it to our layout. All problems are reported together in one error.
 */
export function matchStateDict(stateDict: ReadonlyMap<string, RawTensor>, network: NetworkDefinition, architecture: string): MatchedStateDict {
  const missing: string[] = [];
  const misshaped: string[] = [];
  const wrongDtype: string[] = [];
  const nonFinite: string[] = [];
  const values: Float32Array[] = [];
  for (const spec of network.tensors) {
    const tensor = stateDict.get(spec.name);
    const expected = pytorchShape(spec.shape);
    if (!tensor) missing.push(spec.name);
    else if (tensor.shape.join() !== expected.join()) misshaped.push(`${spec.name} [${tensor.shape}] (expected [${expected}])`);
    else if (!(tensor.values instanceof Float32Array)) wrongDtype.push(`${spec.name} (${tensor.dtype}, expected a float type)`);
    else {
      if (!tensor.values.every(Number.isFinite)) nonFinite.push(spec.name);
      values.push(fromPytorchLayout(tensor.values, spec.shape));
    }
  }
  const numBatchesTracked: Record<string, number> = {};
  const bnNames = new Set(batchNormNames(network));
  for (const [name, tensor] of stateDict) {
    if (!name.endsWith(BN_COUNTER) || !bnNames.has(name.slice(0, -BN_COUNTER.length))) continue;
    if (tensor.shape.length !== 0) misshaped.push(`${name} [${tensor.shape}] (expected a scalar)`);
    else if (!(tensor.values instanceof BigInt64Array)) wrongDtype.push(`${name} (${tensor.dtype}, expected I64)`);
    else numBatchesTracked[name.slice(0, -BN_COUNTER.length)] = Number(tensor.values[0]);
  }
  const known = new Set(network.tensors.map((s) => s.name));
  const unexpected = [...stateDict.keys()].filter((name) => !known.has(name) && !(name.endsWith(BN_COUNTER) && bnNames.has(name.slice(0, -BN_COUNTER.length))));
  const problems = [
    missing.length && `missing ${list(missing)}`,
    unexpected.length && `unexpected ${list(unexpected)}`,
    misshaped.length && `wrong shape ${list(misshaped)}`,
    wrongDtype.length && `wrong dtype ${list(wrongDtype)}`,
    nonFinite.length && `NaN or infinite values in ${list(nonFinite)}`,
  ].filter(Boolean);
  if (problems.length) throw new Error(`the weights do not fit ${architecture}: ${problems.join('; ')}`);
  return { values, numBatchesTracked };
}

function list(names: string[]): string {
  const shown = names.slice(0, 12).join(', ');
  return names.length > 12 ? `${shown} and ${names.length - 12} more` : shown;
}
