import type { Job, JobKind, JobProgress, JobStatus, StoredJobSpec } from '../schemas/job.js';
import { redactPaths } from '../http/redactPaths.js';
import type { Db } from './openDatabase.js';

interface Row {
  id: string;
  kind: JobKind;
  status: JobStatus;
  spec: string;
  parent_id: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  error: string | null;
  result_ids: string;
  checkpoint_ids: string;
  progress: string | null;
}

export interface JobFilter {
  status?: JobStatus;
  kind?: JobKind;
  parentId?: string;
  limit?: number;
}

/** The persistent job queue: one row per job, in creation order (`seq`). */
export class JobsRepository {
  constructor(private readonly db: Db) {}

  insert(job: { id: string; spec: StoredJobSpec; parentId?: string | null }): void {
    this.db
      .prepare('INSERT INTO jobs (id, kind, status, spec, parent_id, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(job.id, job.spec.kind, 'queued', JSON.stringify(job.spec), job.parentId ?? null, new Date().toISOString());
  }

  get(id: string): Job | null {
    const row = this.db.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as Row | undefined;
    return row ? this.toJob(row) : null;
  }

  spec(id: string): StoredJobSpec | null {
    const row = this.db.prepare('SELECT spec FROM jobs WHERE id = ?').get(id) as { spec: string } | undefined;
    return row ? (JSON.parse(row.spec) as StoredJobSpec) : null;
  }

  /** Newest first. */
  list(filter: JobFilter = {}): Job[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM jobs WHERE (@status IS NULL OR status = @status) AND (@kind IS NULL OR kind = @kind)
         AND (@parentId IS NULL OR parent_id = @parentId) ORDER BY seq DESC LIMIT @limit`,
      )
      .all({ status: filter.status ?? null, kind: filter.kind ?? null, parentId: filter.parentId ?? null, limit: filter.limit ?? -1 }) as Row[];
    return rows.map((r) => this.toJob(r));
  }

  /** The oldest queued job to run, of the given kinds (null: any; sweeps only group others). */
  nextQueued(kinds: readonly JobKind[] | null = null): Job | null {
    const only = kinds ? `AND kind IN (${kinds.map(() => '?').join(', ')})` : '';
    const row = this.db.prepare(`SELECT * FROM jobs WHERE status = 'queued' AND kind != 'sweep' ${only} ORDER BY seq LIMIT 1`).get(...(kinds ?? [])) as Row | undefined;
    return row ? this.toJob(row) : null;
  }

  countByStatus(status: JobStatus): number {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM jobs WHERE status = ? AND kind != 'sweep'").get(status) as { n: number }).n;
  }

  /** Whether a queued or running job will produce this kind of model. */
  pending(kind: JobKind, match: (spec: StoredJobSpec) => boolean): boolean {
    const rows = this.db.prepare("SELECT spec FROM jobs WHERE kind = ? AND status IN ('queued', 'running')").all(kind) as { spec: string }[];
    return rows.some((r) => match(JSON.parse(r.spec) as StoredJobSpec));
  }

  childStatuses(parentId: string): JobStatus[] {
    return (this.db.prepare('SELECT status FROM jobs WHERE parent_id = ? ORDER BY seq').all(parentId) as { status: JobStatus }[]).map((r) => r.status);
  }

  markRunning(id: string): void {
    this.db.prepare("UPDATE jobs SET status = 'running', started_at = COALESCE(started_at, ?) WHERE id = ?").run(new Date().toISOString(), id);
  }

  /** Records how a job ended; its error message is stored without file-system paths (clients read it). */
  finish(id: string, status: JobStatus, error: string | null = null): void {
    this.db.prepare('UPDATE jobs SET status = ?, error = ?, finished_at = ? WHERE id = ?').run(status, error === null ? null : redactPaths(error), new Date().toISOString(), id);
  }

  addOutputs(id: string, outputs: { resultIds: string[]; checkpointIds: string[] }): void {
    const job = this.get(id);
    if (!job) return;
    this.db
      .prepare('UPDATE jobs SET result_ids = ?, checkpoint_ids = ? WHERE id = ?')
      .run(JSON.stringify([...job.resultIds, ...outputs.resultIds]), JSON.stringify([...job.checkpointIds, ...outputs.checkpointIds]), id);
  }

  setProgress(id: string, progress: JobProgress): void {
    this.db.prepare('UPDATE jobs SET progress = ? WHERE id = ?').run(JSON.stringify(progress), id);
  }

  /** Jobs left `running` by a server that stopped, except those in `keep`: they become `interrupted`. Returns their ids. */
  interruptRunning(reason: string, keep: ReadonlySet<string> = new Set()): string[] {
    const running = (this.db.prepare("SELECT id FROM jobs WHERE status = 'running' AND kind != 'sweep'").all() as { id: string }[]).map((r) => r.id);
    const ids = running.filter((id) => !keep.has(id));
    const stmt = this.db.prepare("UPDATE jobs SET status = 'interrupted', error = ?, finished_at = ? WHERE id = ?");
    const now = new Date().toISOString();
    for (const id of ids) stmt.run(redactPaths(reason), now, id);
    return ids;
  }

  private toJob(row: Row): Job {
    const childIds =
      row.kind === 'sweep' ? (this.db.prepare('SELECT id FROM jobs WHERE parent_id = ? ORDER BY seq').all(row.id) as { id: string }[]).map((r) => r.id) : [];
    return {
      id: row.id,
      kind: row.kind,
      status: row.status,
      spec: JSON.parse(row.spec) as Record<string, unknown>,
      parentId: row.parent_id,
      childIds,
      createdAt: row.created_at,
      startedAt: row.started_at,
      finishedAt: row.finished_at,
      error: row.error,
      cancelRequested: false,
      resultIds: JSON.parse(row.result_ids) as string[],
      checkpointIds: JSON.parse(row.checkpoint_ids) as string[],
      progress: row.progress === null ? null : (JSON.parse(row.progress) as JobProgress),
    };
  }
}
