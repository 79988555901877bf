import type { ResultRecord } from '@mu/schema';
import type { LoadedDataset } from '../data/loadDataset.js';
import { loadCheckpoint } from '../train/checkpoint.js';
import type { StoredModel } from './checkpointIndex.js';
import { evaluateModel, type EvaluationHooks, type EvaluationSettings } from './evaluateModel.js';
import type { ReferenceCache } from './referenceCache.js';

type UploadInput = {
  data: LoadedDataset;
  forgetClass: number;
  original: StoredModel;
  retrained: StoredModel | null;
  id: string;
  label?: string | null;
  cache?: ReferenceCache;
  evaluation?: EvaluationSettings;
};

/**
 * Upload (methods.md §5.8): evaluates an external checkpoint of the same dataset and architecture
 * as the designated Original with the full pipeline. No training: role `unlearned`, RTE null, no
 * hyperparameters; `label` names where it came from.
 */
export async function evaluateUpload(
  input: UploadInput & { checkpointPath: string },
  hooks: EvaluationHooks = {},
): Promise<{ record: ResultRecord; upload: StoredModel }> {
  return evaluateUploadedModel({ ...input, upload: await loadCheckpoint(input.checkpointPath) }, hooks);
}

/** The same for a model already in memory (imported PyTorch weights); disposes it on failure. */
export async function evaluateUploadedModel(
  input: UploadInput & { upload: StoredModel },
  hooks: EvaluationHooks = {},
): Promise<{ record: ResultRecord; upload: StoredModel }> {
  const { upload } = input;
  const expected = input.original.meta.model;
  const got = upload.meta.model;
  try {
    if (upload.meta.dataset.id !== input.data.descriptor.id) {
      throw new Error(`uploaded model was trained on ${upload.meta.dataset.id}, not ${input.data.descriptor.id}`);
    }
    if (got.architecture !== expected.architecture || got.inputChannels !== expected.inputChannels || got.numClasses !== expected.numClasses) {
      throw new Error(`uploaded model is a ${got.architecture} (${got.inputChannels} channels, ${got.numClasses} classes), the Original a ${expected.architecture} (${expected.inputChannels}, ${expected.numClasses})`);
    }
    const record = await evaluateModel(
      {
        model: upload.model,
        modelId: input.id,
        role: 'unlearned',
        label: input.label ?? null,
        data: input.data,
        forgetClass: input.forgetClass,
        original: { id: input.original.meta.id, model: input.original.model },
        retrained: input.retrained ? { id: input.retrained.meta.id, model: input.retrained.model } : null,
        method: { id: 'upload', label: 'Upload', version: '1' },
        hyperparameters: {},
        seed: null,
        baseModelId: null,
        recipe: null,
        rteSeconds: null,
        cache: input.cache,
        settings: input.evaluation,
      },
      hooks,
    );
    return { record, upload };
  } catch (error) {
    upload.model.dispose();
    throw error;
  }
}
