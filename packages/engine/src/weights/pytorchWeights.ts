import { defineNetwork } from '../models/architectures.js';
import { Model, type ModelShape } from '../models/model.js';
import { matchStateDict } from './matchStateDict.js';
import { readStateDict, type WeightsFormat } from './readStateDict.js';
import { stateDictFromValues } from './stateDictFromValues.js';
import { writePth } from './writePth.js';
import { writeSafetensors } from './writeSafetensors.js';

/** Where imported PyTorch weights keep what our checkpoint has no tensor for (in `config.pytorch`). */
export interface PytorchImportInfo {
  format: WeightsFormat;
  numBatchesTracked: Record<string, number>;
}

/**
 * A model of `shape` holding the weights of a `.pth` or `.safetensors` file; throws (one line,
 * every problem listed) when the file does not fit the architecture. The caller disposes it.
 */
export function modelFromPytorchWeights(bytes: Uint8Array, shape: ModelShape): { model: Model; pytorch: PytorchImportInfo } {
  const { format, stateDict } = readStateDict(bytes);
  const network = defineNetwork(shape.architecture, shape.inputChannels, shape.numClasses);
  const { values, numBatchesTracked } = matchStateDict(stateDict, network, shape.architecture);
  return { model: Model.fromValues(shape, values), pytorch: { format, numBatchesTracked } };
}

/** A model's weights as a PyTorch file with torchvision's tensor names. */
export async function pytorchWeightsOf(model: Model, format: WeightsFormat, numBatchesTracked: Record<string, number> = {}): Promise<Uint8Array> {
  const stateDict = stateDictFromValues(model.network, await model.values(), numBatchesTracked);
  return format === 'pth' ? writePth(stateDict) : writeSafetensors(stateDict, { format: 'pt', architecture: model.shape.architecture });
}

/** The batch-norm counters an earlier import kept in a checkpoint's config, if any. */
export function importedBatchCounters(config: Record<string, unknown>): Record<string, number> {
  const counters = (config.pytorch as Partial<PytorchImportInfo> | undefined)?.numBatchesTracked;
  return counters && typeof counters === 'object' ? counters : {};
}
