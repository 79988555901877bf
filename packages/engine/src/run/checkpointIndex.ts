import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { loadCheckpoint, readCheckpointMeta, type CheckpointMeta } from '../train/checkpoint.js';
import type { Model } from '../models/model.js';

export interface StoredModel {
  meta: CheckpointMeta;
  model: Model;
}

export interface CheckpointListing {
  /** Every readable checkpoint, newest first. */
  checkpoints: CheckpointMeta[];
  /** Metadata files that could not be read, with why: callers report them, never skip them in silence. */
  unreadable: { file: string; reason: string }[];
}

/** The checkpoints in `dir` (none when it does not exist). */
export async function listCheckpoints(dir: string): Promise<CheckpointListing> {
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.json')).sort();
  const read = await Promise.all(files.map((file) => readCheckpointMeta(path.join(dir, file)).then((meta) => ({ file, meta }), (error: Error) => ({ file, reason: error.message }))));
  return {
    checkpoints: read.flatMap((r) => ('meta' in r ? [r.meta] : [])).sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
    unreadable: read.flatMap((r) => ('reason' in r ? [r] : [])),
  };
}

export interface DesignatedQuery {
  role: 'original' | 'retrained';
  dataset?: string;
  architecture?: string;
  forgetClass?: number;
}

/**
 * The designated model of a role among `checkpoints` (newest first): the newest one of that role,
 * dataset and architecture (and forget class, for a Retrained model), or null.
 */
export function findDesignated(checkpoints: readonly CheckpointMeta[], query: DesignatedQuery): CheckpointMeta | null {
  return (
    checkpoints.find(
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
