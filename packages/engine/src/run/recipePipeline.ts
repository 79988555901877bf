import path from 'node:path';
import type { ResultRecord, TrainingRecipe } from '@mu/schema';
import { loadDataset } from '../data/loadDataset.js';
import { buildBaseline } from './buildBaseline.js';
import { loadStoredModel, type StoredModel } from './checkpointIndex.js';
import { evaluateBaseline } from './evaluateBaseline.js';
import type { EvaluationSettings } from './evaluateModel.js';
import { ReferenceCache } from './referenceCache.js';
import { saveResult } from './resultStore.js';
import { runUnlearning } from './unlearn.js';

export interface MethodRun {
  id: string;
  /** Explicit hyperparameters; the method's defaults fill the rest. */
  params: Record<string, unknown>;
  seed?: number;
}

export interface RecipePipelineOptions {
  recipe: TrainingRecipe;
  /** Overrides the recipe's epochs (a quick try of the pipeline; the record then shows it). */
  epochs?: number;
  dataset: string;
  forgetClass: number;
  /** Checkpoints go to `dir/checkpoints`, records to `dir/results/<id>.json`. */
  dir: string;
  runs: readonly MethodRun[];
  evaluation?: EvaluationSettings;
  /** One line per stage, for the console. */
  step: (text: string) => void;
}

/**
 * Trains an Original and a Retrained model on a recipe, evaluates both for the forget class,
 * then runs each method on the Original: the records of `mu smoke` and `bench:fidelity`, in that
 * order (Original, Retrained, then the runs).
 */
export async function runRecipePipeline(options: RecipePipelineOptions): Promise<ResultRecord[]> {
  const { recipe, dataset, forgetClass, step } = options;
  const checkpointDir = path.join(options.dir, 'checkpoints');
  const resultsDir = path.join(options.dir, 'results');
  const data = await loadDataset(dataset);
  const config = { dataset, architecture: recipe.architecture, recipe: recipe.id, epochs: options.epochs, evaluateEachEpoch: false };
  const loaded: StoredModel[] = [];
  try {
    step(`training Original (recipe ${recipe.id}: ${recipe.architecture}, ${options.epochs ?? recipe.epochs} epochs)`);
    const originalMeta = await buildBaseline({ config, checkpointDir });
    step(`training Retrained without class ${forgetClass}`);
    const retrainedMeta = await buildBaseline({ config: { ...config, excludeClass: forgetClass }, checkpointDir });
    const original = await loadStoredModel(checkpointDir, originalMeta.id);
    loaded.push(original);
    const retrained = await loadStoredModel(checkpointDir, retrainedMeta.id);
    loaded.push(retrained);

    const cache = new ReferenceCache();
    const records: ResultRecord[] = [];
    for (const stored of [original, retrained]) {
      step(`evaluating ${stored.meta.role}`);
      const record = await evaluateBaseline({ stored, data, forgetClass, original, retrained, cache, evaluation: options.evaluation });
      await saveResult(resultsDir, record);
      records.push(record);
    }
    for (const run of options.runs) {
      step(`running ${run.id}${run.seed === undefined ? '' : ` (seed ${run.seed})`}${Object.keys(run.params).length ? ` with ${JSON.stringify(run.params)}` : ' at its defaults'}`);
      const { record } = await runUnlearning({
        methodId: run.id,
        params: run.params,
        seed: run.seed,
        forgetClass,
        data,
        original,
        retrained,
        checkpointDir,
        resultsDir,
        cache,
        evaluation: options.evaluation,
      });
      records.push(record);
    }
    return records;
  } finally {
    for (const m of loaded) m.model.dispose();
  }
}
