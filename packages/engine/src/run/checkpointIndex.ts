import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { loadCheckpoint, readCheckpointMeta, type CheckpointMeta } from '../train/checkpoint.js';
import type { Model } from '../models/model.js';

export interface StoredModel {
  meta: CheckpointMeta;
  model: Model;
}

/** Metadata of every readable checkpoint in `dir`, newest first (unreadable files are skipped). */
export async function listCheckpoints(dir: string): Promise<CheckpointMeta[]> {
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.json'));
  const metas = await Promise.all(files.map((f) => readCheckpointMeta(path.join(dir, f)).catch(() => null)));
  return metas.filter((m): m is CheckpointMeta => m !== null).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export interface DesignatedQuery {
  role: 'original' | 'retrained';
  dataset?: string;
  architecture?: string;
  forgetClass?: number;
}

/**
 * The designated model of a role: the newest checkpoint of that role, dataset and architecture
 * (and forget class, for a Retrained model), or null.
 */
export async function findDesignated(dir: string, query: DesignatedQuery): Promise<CheckpointMeta | null> {
  const metas = await listCheckpoints(dir);
  return (
    metas.find(
      (m) =>
        m.role === query.role &&
        (query.dataset === undefined || m.dataset.id === query.dataset) &&
        (query.architecture === undefined || m.model.architecture === query.architecture) &&
        (query.role !== 'retrained' || query.forgetClass === undefined || m.forgetClass === query.forgetClass),
    ) ?? null
  );
}

/** Loads a checkpoint by id from `dir`; a one-line error when it is absent or unreadable. */
export async function loadStoredModel(dir: string, id: string): Promise<StoredModel> {
  if (!/^[a-z0-9-]{1,64}$/.test(id)) throw new Error(`invalid model id: ${id}`);
  return loadCheckpoint(path.join(dir, `${id}.json`));
}
