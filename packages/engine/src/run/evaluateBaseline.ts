import { knownRecipeId, type ResultRecord } from '@mu/schema';
import type { LoadedDataset } from '../data/loadDataset.js';
import type { TrainConfig } from '../train/trainConfig.js';
import { baselineHyperparameters } from './baselineHyperparameters.js';
import type { StoredModel } from './checkpointIndex.js';
import { evaluateModel, type EvaluationHooks, type EvaluationSettings } from './evaluateModel.js';
import type { ReferenceCache } from './referenceCache.js';
import { trainingHistory } from './trainingHistory.js';

/**
 * The result record of an Original (one per forget class it is viewed for) or of a Retrained
 * model, evaluated like any other model; RTE is its training time and its history the training's.
 */
export async function evaluateBaseline(
  input: {
    stored: StoredModel;
    data: LoadedDataset;
    forgetClass: number;
    original: StoredModel;
    retrained: StoredModel | null;
    cache?: ReferenceCache;
    evaluation?: EvaluationSettings;
  },
  hooks: EvaluationHooks = {},
): Promise<ResultRecord> {
  const { meta, model } = input.stored;
  const config = meta.config as Partial<TrainConfig> & { history?: unknown };
  const role = meta.role === 'retrained' ? 'retrained' : 'original';
  return evaluateModel(
    {
      model,
      modelId: meta.id,
      role,
      data: input.data,
      forgetClass: input.forgetClass,
      original: { id: input.original.meta.id, model: input.original.model },
      retrained: input.retrained ? { id: input.retrained.meta.id, model: input.retrained.model } : null,
      method: role === 'original' ? { id: 'original', label: 'Original', version: '1' } : { id: 'retrain', label: 'Retrain', version: '1' },
      // Weights imported from PyTorch come without their training recipe: every value null.
      hyperparameters: baselineHyperparameters(config),
      seed: meta.seed,
      baseModelId: null,
      recipe: knownRecipeId(config.recipe),
      rteSeconds: meta.trainingSeconds,
      history: trainingHistory(config.history),
      createdAt: meta.createdAt,
      cache: input.cache,
      settings: input.evaluation,
    },
    hooks,
  );
}
