import { defineNetwork } from '../models/architectures.js';
import { Model, type ModelShape } from '../models/model.js';
import type { NetworkDefinition } from '../models/network.js';
import { readCheckpointValues, type CheckpointMeta } from '../train/checkpoint.js';
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
 * Reads a `.pth` or `.safetensors` file and checks it against the architecture of `shape`;
 * throws (one line, every problem listed) when it does not fit. Creates no tensors.
 */
export function readPytorchWeights(bytes: Uint8Array, shape: ModelShape): { values: Float32Array[]; pytorch: PytorchImportInfo } {
  const { format, stateDict } = readStateDict(bytes);
  const network = defineNetwork(shape.architecture, shape.inputChannels, shape.numClasses);
  const { values, numBatchesTracked } = matchStateDict(stateDict, network, shape.architecture);
  return { values, pytorch: { format, numBatchesTracked } };
}

/** A model of `shape` holding the weights of a `.pth` or `.safetensors` file. The caller disposes it. */
export function modelFromPytorchWeights(bytes: Uint8Array, shape: ModelShape): { model: Model; pytorch: PytorchImportInfo } {
  const { values, pytorch } = readPytorchWeights(bytes, shape);
  return { model: Model.fromValues(shape, values), pytorch };
}

/** Values of a network (declaration order, our layout) as a PyTorch file with torchvision's tensor names. */
export function pytorchWeightsFile(network: NetworkDefinition, values: readonly Float32Array[], format: WeightsFormat, numBatchesTracked: Record<string, number> = {}): Uint8Array {
  const stateDict = stateDictFromValues(network, values, numBatchesTracked);
  return format === 'pth' ? writePth(stateDict) : writeSafetensors(stateDict, { format: 'pt' });
}

/** A model's weights as a PyTorch file. */
export async function pytorchWeightsOf(model: Model, format: WeightsFormat, numBatchesTracked: Record<string, number> = {}): Promise<Uint8Array> {
  return pytorchWeightsFile(model.network, await model.values(), format, numBatchesTracked);
}

/** A stored checkpoint's weights as a PyTorch file, without creating tensors. */
export async function checkpointAsPytorch(metaPath: string, format: WeightsFormat): Promise<{ meta: CheckpointMeta; bytes: Uint8Array }> {
  const { meta, values } = await readCheckpointValues(metaPath);
  const network = defineNetwork(meta.model.architecture, meta.model.inputChannels, meta.model.numClasses);
  return { meta, bytes: pytorchWeightsFile(network, values, format, importedBatchCounters(meta.config)) };
}

/** The batch-norm counters an earlier import kept in a checkpoint's config, if any. */
export function importedBatchCounters(config: Record<string, unknown>): Record<string, number> {
  const counters = (config.pytorch as Partial<PytorchImportInfo> | undefined)?.numBatchesTracked;
  return counters && typeof counters === 'object' ? counters : {};
}
