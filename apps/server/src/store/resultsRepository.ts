import { assertResult, type ResultRecord } from '@mu/schema';
import { resultHeadline } from '../views/resultHeadline.js';
import { resultSummary } from '../views/resultSummary.js';
import type { Db } from './openDatabase.js';

export interface ResultFilter {
  dataset?: string;
  architecture?: string;
  forgetClass?: number;
  role?: string;
  method?: string;
  ids?: string[];
  limit?: number;
  offset?: number;
}

export type ResultView = 'headline' | 'summary' | 'record';

/**
 * The `results` table: one row per record, with its list row (headline), its summary and the
 * full record stored as JSON, so that a list is a concatenation of stored strings.
 */
export class ResultsRepository {
  private changes = 0;

  constructor(private readonly db: Db) {}

  /** Grows with every write through this repository: cached lists with an older value are stale. */
  get version(): number {
    return this.changes;
  }

  /** Inserts a validated record, or replaces the one with the same id when `replace` is set. */
  put(record: ResultRecord, options: { jobId?: string | null; replace?: boolean } = {}): void {
    assertResult(record);
    this.changes++;
    const sql = `${options.replace ? 'INSERT OR REPLACE' : 'INSERT'} INTO results
      (id, model_id, role, dataset, architecture, forget_class, method, source, created_at, stored_at, job_id, headline, summary, record)
      VALUES (@id, @modelId, @role, @dataset, @architecture, @forgetClass, @method, @source, @createdAt, @storedAt, @jobId, @headline, @summary, @record)`;
    this.db.prepare(sql).run({
      id: record.id,
      modelId: record.modelId,
      role: record.role,
      dataset: record.config.dataset.id,
      architecture: record.config.architecture.id,
      forgetClass: record.config.forgetClass,
      method: record.config.method.id,
      source: record.provenance.source,
      createdAt: record.createdAt,
      storedAt: new Date().toISOString(),
      jobId: options.jobId ?? null,
      headline: JSON.stringify(resultHeadline(record)),
      summary: JSON.stringify(resultSummary(record)),
      record: JSON.stringify(record),
    });
  }

  has(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM results WHERE id = ?').get(id) !== undefined;
  }

  /** The stored JSON of one record in the given view, or null. */
  json(id: string, view: ResultView = 'record'): string | null {
    return this.row(id, view)?.json ?? null;
  }

  /** The stored JSON of one record in the given view with its model id, or null. */
  row(id: string, view: ResultView = 'record'): { json: string; modelId: string } | null {
    return (this.db.prepare(`SELECT ${view} AS json, model_id AS modelId FROM results WHERE id = ?`).get(id) as { json: string; modelId: string } | undefined) ?? null;
  }

  get(id: string): ResultRecord | null {
    const json = this.json(id);
    return json === null ? null : (JSON.parse(json) as ResultRecord);
  }

  /** Stored JSON strings of the matching records, oldest first. */
  listJson(filter: ResultFilter, view: ResultView): string[] {
    return this.listRows(filter, view).map((r) => r.json);
  }

  /** Stored JSON strings of the matching records with their model ids, oldest first. */
  listRows(filter: ResultFilter, view: ResultView): { json: string; modelId: string }[] {
    const { where, params } = whereClause(filter);
    const sql = `SELECT ${view} AS json, model_id AS modelId FROM results ${where} ORDER BY COALESCE(created_at, stored_at), id LIMIT @limit OFFSET @offset`;
    return this.db.prepare(sql).all({ ...params, limit: filter.limit ?? -1, offset: filter.offset ?? 0 }) as { json: string; modelId: string }[];
  }

  list(filter: ResultFilter = {}): ResultRecord[] {
    return this.listJson(filter, 'record').map((j) => JSON.parse(j) as ResultRecord);
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM results').get() as { n: number }).n;
  }

  /** Id of the Original's record for a class, if there is one. */
  originalRecordId(modelId: string, forgetClass: number): string | null {
    const row = this.db
      .prepare("SELECT id FROM results WHERE model_id = ? AND forget_class = ? AND role = 'original' ORDER BY stored_at DESC LIMIT 1")
      .get(modelId, forgetClass) as { id: string } | undefined;
    return row?.id ?? null;
  }

  /** Removes the Original's earlier records for a class (a new evaluation replaces them). */
  deleteOriginalRecords(modelId: string, forgetClass: number): void {
    this.changes++;
    this.db.prepare("DELETE FROM results WHERE model_id = ? AND forget_class = ? AND role = 'original'").run(modelId, forgetClass);
  }

  delete(id: string): boolean {
    this.changes++;
    return this.db.prepare('DELETE FROM results WHERE id = ?').run(id).changes > 0;
  }

  /** How many records evaluate this model. */
  countForModel(modelId: string): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM results WHERE model_id = ?').get(modelId) as { n: number }).n;
  }
}

function whereClause(filter: ResultFilter): { where: string; params: Record<string, unknown> } {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  const add = (column: string, key: keyof ResultFilter) => {
    if (filter[key] === undefined) return;
    clauses.push(`${column} = @${key}`);
    params[key] = filter[key];
  };
  add('dataset', 'dataset');
  add('architecture', 'architecture');
  add('forget_class', 'forgetClass');
  add('role', 'role');
  add('method', 'method');
  if (filter.ids !== undefined) {
    clauses.push(`id IN (SELECT value FROM json_each(@ids))`);
    params.ids = JSON.stringify(filter.ids);
  }
  return { where: clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`, params };
}
