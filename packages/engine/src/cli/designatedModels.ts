import { checkpointDir } from '../run/checkpointDir.js';
import { findDesignated, listCheckpoints, loadStoredModel, type StoredModel } from '../run/checkpointIndex.js';
import { warnUnreadable } from './report.js';

/**
 * Loads the designated Original (newest Original checkpoint of the dataset/architecture, or the
 * given id) and the designated Retrained model of the forget class (or the given id), if any.
 * The caller disposes the models.
 */
export async function loadDesignatedModels(options: {
  original?: string;
  retrained?: string;
  dataset?: string;
  architecture?: string;
  forgetClass: number;
}): Promise<{ original: StoredModel; retrained: StoredModel | null; dir: string }> {
  const dir = checkpointDir();
  const { checkpoints, unreadable } = await listCheckpoints(dir);
  warnUnreadable(unreadable);
  let originalId = options.original;
  if (originalId === undefined) {
    const meta = findDesignated(checkpoints, { role: 'original', dataset: options.dataset, architecture: options.architecture });
    if (!meta) throw new Error(`no Original checkpoint in ${dir}${options.dataset ? ` for ${options.dataset}` : ''} (train one with mu train)`);
    originalId = meta.id;
  }
  const original = await loadStoredModel(dir, originalId);
  try {
    let retrainedId = options.retrained;
    if (retrainedId === undefined) {
      const meta = findDesignated(checkpoints, {
        role: 'retrained',
        dataset: original.meta.dataset.id,
        architecture: original.meta.model.architecture,
        forgetClass: options.forgetClass,
      });
      retrainedId = meta?.id;
    }
    const retrained = retrainedId === undefined ? null : await loadStoredModel(dir, retrainedId);
    if (!retrained) console.error(`warning: no Retrained model for class ${options.forgetClass}: attack curves and PS will be null`);
    return { original, retrained, dir };
  } catch (error) {
    original.model.dispose();
    throw error;
  }
}
