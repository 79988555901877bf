import { rm } from 'node:fs/promises';
import type { ResultRecord } from '@mu/schema';
import { initBackend } from '../backend/selectBackend.js';
import { createDataSource } from '../data/dataSource.js';
import type { LoadedDataset } from '../data/loadDataset.js';
import { checkpointPaths, saveCheckpoint } from '../train/checkpoint.js';
import { evaluate } from '../train/evaluate.js';
import { modelFromPytorchWeights } from '../weights/pytorchWeights.js';
import type { StoredModel } from './checkpointIndex.js';
import { evaluateBaseline } from './evaluateBaseline.js';
import type { EvaluationHooks, EvaluationSettings } from './evaluateModel.js';
import { evaluateUploadedModel } from './evaluateUpload.js';
import type { ReferenceCache } from './referenceCache.js';

export type ImportRole = 'original' | 'retrained' | 'unlearned';

export interface ImportPytorchInput {
  bytes: Uint8Array;
  /** The file's base name, kept in the checkpoint's config. */
  fileName: string;
  data: LoadedDataset;
  architecture: string;
  role: ImportRole;
  /** Required for a Retrained or unlearned model; an Original is not tied to a class. */
  forgetClass: number | null;
  checkpointDir: string;
}

/**
 * Imports PyTorch weights (`.pth` or `.safetensors`) as a checkpoint of ours: checks them against
 * the architecture (nothing is written when they do not fit), measures per-class accuracy on
 * train and test as training does, and saves the checkpoint. The caller disposes the model.
 */
export async function importPytorchModel(
  input: ImportPytorchInput,
  hooks: Pick<EvaluationHooks, 'signal' | 'onProgress'> & { onStage?: (stage: 'reading weights' | 'evaluating train' | 'evaluating test' | 'saving') => void } = {},
): Promise<StoredModel> {
  const { data, role } = input;
  if (role !== 'original' && input.forgetClass === null) throw new Error(`a ${role} model needs a forget class`);
  hooks.onStage?.('reading weights');
  const shape = { architecture: input.architecture, inputChannels: data.descriptor.inputShape[2], numClasses: data.descriptor.numClasses };
  const { model, pytorch } = modelFromPytorchWeights(input.bytes, shape);
  try {
    const backend = await initBackend();
    const perClass = async (set: LoadedDataset['train']) => {
      const source = createDataSource(set, Int32Array.from({ length: set.count }, (_, i) => i), data.descriptor, { signal: hooks.signal });
      return (await evaluate(model, source, { signal: hooks.signal, onBatch: hooks.onProgress })).perClass.map((a) => a ?? 0);
    };
    hooks.onStage?.('evaluating train');
    const train = await perClass(data.train);
    hooks.onStage?.('evaluating test');
    const test = await perClass(data.test);
    hooks.onStage?.('saving');
    const meta = await saveCheckpoint(input.checkpointDir, model, {
      role,
      dataset: { id: data.descriptor.id, checksum: data.checksum },
      forgetClass: role === 'original' ? null : input.forgetClass,
      config: { pytorch: { ...pytorch, fileName: input.fileName } },
      seed: null,
      // Where the accuracies were measured; the weights themselves were trained elsewhere.
      environment: { backend: backend.name, threads: backend.threads, tfjsVersion: backend.tfjsVersion },
      trainingSeconds: null,
      accuracy: { train, test },
    });
    return { meta, model };
  } catch (error) {
    model.dispose();
    throw error;
  }
}

/**
 * The result records of an imported model for one forget class: an Original or Retrained model is
 * evaluated as a baseline (it is its own reference), an unlearned one as an Upload (methods.md §5.8).
 * A Retrained model also gives the Original's record for its class, as a trained one does.
 * `original` is the designated Original (ignored for an imported Original).
 */
export async function evaluateImportedModel(
  input: {
    stored: StoredModel;
    data: LoadedDataset;
    forgetClass: number;
    original: StoredModel | null;
    retrained: StoredModel | null;
    cache?: ReferenceCache;
    evaluation?: EvaluationSettings;
  },
  hooks: EvaluationHooks = {},
): Promise<ResultRecord[]> {
  const { stored, data, forgetClass, cache, evaluation } = input;
  const role = stored.meta.role;
  const original = role === 'original' ? stored : input.original;
  if (!original) throw new Error(`no Original model of ${data.descriptor.id} / ${stored.meta.model.architecture} to compare with (import or train one first)`);
  const retrained = role === 'retrained' ? stored : input.retrained;
  if (role === 'original') return [await evaluateBaseline({ stored, data, forgetClass, original, retrained, cache, evaluation }, hooks)];
  if (role === 'retrained') {
    const own = await evaluateBaseline({ stored, data, forgetClass, original, retrained, cache, evaluation }, hooks);
    return [own, await evaluateBaseline({ stored: original, data, forgetClass, original, retrained, cache, evaluation }, hooks)];
  }
  const label = (stored.meta.config.pytorch as { fileName?: string } | undefined)?.fileName ?? null;
  const { record } = await evaluateUploadedModel({ upload: stored, data, forgetClass, original, retrained, id: stored.meta.id, label, cache, evaluation }, hooks);
  return [record];
}

/** Removes a checkpoint that an import saved when its evaluation then failed. */
export async function removeImportedCheckpoint(dir: string, id: string): Promise<void> {
  const paths = checkpointPaths(dir, id);
  await Promise.all([rm(paths.meta, { force: true }), rm(paths.weights, { force: true })]);
}
