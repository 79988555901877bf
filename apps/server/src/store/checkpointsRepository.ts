import type { CheckpointMeta } from '@mu/engine';
import type { Checkpoint } from '../schemas/api.js';
import type { Db } from './openDatabase.js';

export type CheckpointSource = 'engine' | 'upload';

interface Row {
  meta: string;
  source: CheckpointSource;
}

export interface DesignationQuery {
  role: 'original' | 'retrained';
  dataset: string;
  architecture: string;
  forgetClass?: number;
}

/**
 * The index of the weights in the checkpoint folder. The designated Original of a dataset and
 * architecture, and the designated Retrained of a class, are the ones designated last: a model
 * counts as designated when it was created, and again when designated by hand (`designate`).
 */
export class CheckpointsRepository {
  constructor(private readonly db: Db) {}

  put(meta: CheckpointMeta, source: CheckpointSource, jobId: string | null = null): void {
    this.db
      .prepare(
        `INSERT INTO checkpoints (id, role, dataset, architecture, forget_class, source, created_at, job_id, meta, designated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(meta.id, meta.role, meta.dataset.id, meta.model.architecture, meta.forgetClass, source, meta.createdAt, jobId, JSON.stringify(meta), meta.createdAt);
  }

  get(id: string): Checkpoint | null {
    const row = this.db.prepare('SELECT meta, source FROM checkpoints WHERE id = ?').get(id) as Row | undefined;
    return row ? toCheckpoint(row) : null;
  }

  meta(id: string): CheckpointMeta | null {
    const row = this.db.prepare('SELECT meta FROM checkpoints WHERE id = ?').get(id) as Row | undefined;
    return row ? (JSON.parse(row.meta) as CheckpointMeta) : null;
  }

  ids(): string[] {
    return (this.db.prepare('SELECT id FROM checkpoints').all() as { id: string }[]).map((r) => r.id);
  }

  list(filter: { dataset?: string; architecture?: string; role?: string } = {}): Checkpoint[] {
    const rows = this.db
      .prepare(
        `SELECT meta, source FROM checkpoints
         WHERE (@dataset IS NULL OR dataset = @dataset) AND (@architecture IS NULL OR architecture = @architecture) AND (@role IS NULL OR role = @role)
         ORDER BY created_at DESC, id`,
      )
      .all({ dataset: filter.dataset ?? null, architecture: filter.architecture ?? null, role: filter.role ?? null }) as Row[];
    return rows.map(toCheckpoint);
  }

  /** The newest checkpoint of a role for a dataset and architecture (and class, for a Retrained model). */
  designated(query: DesignationQuery): Checkpoint | null {
    const row = this.db
      .prepare(
        `SELECT meta, source FROM checkpoints
         WHERE role = @role AND dataset = @dataset AND architecture = @architecture AND (@forgetClass IS NULL OR forget_class = @forgetClass)
         ORDER BY designated_at DESC, created_at DESC, id DESC LIMIT 1`,
      )
      .get({ ...query, forgetClass: query.forgetClass ?? null }) as Row | undefined;
    return row ? toCheckpoint(row) : null;
  }

  /** Makes a model the designated one of its kind (the caller checks it is an Original or a Retrained model). */
  designate(id: string): void {
    this.db.prepare('UPDATE checkpoints SET designated_at = ? WHERE id = ?').run(new Date().toISOString(), id);
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM checkpoints WHERE id = ?').run(id).changes > 0;
  }
}

function toCheckpoint(row: Row): Checkpoint {
  const m = JSON.parse(row.meta) as CheckpointMeta;
  return {
    id: m.id,
    role: m.role,
    dataset: m.dataset.id,
    architecture: m.model.architecture,
    forgetClass: m.forgetClass,
    source: row.source,
    createdAt: m.createdAt,
    paramCount: m.model.paramCount,
    trainingSeconds: m.trainingSeconds,
    accuracy: m.accuracy,
  };
}
