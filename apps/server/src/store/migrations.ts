/**
 * The database schema, as numbered steps. `PRAGMA user_version` holds the last step applied;
 * a step is never edited once released, a change is a new step.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: results, checkpoints index, jobs
  `
  CREATE TABLE results (
    id TEXT PRIMARY KEY,
    model_id TEXT NOT NULL,
    role TEXT NOT NULL,
    dataset TEXT NOT NULL,
    architecture TEXT NOT NULL,
    forget_class INTEGER NOT NULL,
    method TEXT NOT NULL,
    source TEXT NOT NULL,
    created_at TEXT,
    stored_at TEXT NOT NULL,
    job_id TEXT,
    headline TEXT NOT NULL,
    summary TEXT NOT NULL,
    record TEXT NOT NULL
  );
  CREATE INDEX results_scope ON results (dataset, architecture, forget_class);
  CREATE INDEX results_model ON results (model_id);

  CREATE TABLE checkpoints (
    id TEXT PRIMARY KEY,
    role TEXT NOT NULL,
    dataset TEXT NOT NULL,
    architecture TEXT NOT NULL,
    forget_class INTEGER,
    source TEXT NOT NULL,
    created_at TEXT NOT NULL,
    job_id TEXT,
    meta TEXT NOT NULL
  );
  CREATE INDEX checkpoints_designation ON checkpoints (role, dataset, architecture, forget_class, created_at);

  CREATE TABLE jobs (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    spec TEXT NOT NULL,
    parent_id TEXT,
    created_at TEXT NOT NULL,
    started_at TEXT,
    finished_at TEXT,
    error TEXT,
    result_ids TEXT NOT NULL DEFAULT '[]',
    checkpoint_ids TEXT NOT NULL DEFAULT '[]',
    progress TEXT
  );
  CREATE INDEX jobs_status ON jobs (status, seq);
  CREATE INDEX jobs_parent ON jobs (parent_id);
  `,
  // 2: explicit designation of references (ui.md §2.3 "Designate as reference"): the designated
  // model of a kind is the one designated last; a model counts as designated when it was created.
  `
  ALTER TABLE checkpoints ADD COLUMN designated_at TEXT;
  UPDATE checkpoints SET designated_at = created_at;
  `,
  // 3: training recipes replace presets (issue 10): stored records' and checkpoints'
  // `config.preset` becomes `config.recipe`. Presets `reference` and `cpu` became the recipes of
  // the same name; `smoke` has none (null). The mapping is spelled out here, not taken from
  // @mu/schema, because a released step must not change when the recipes do.
  `
  UPDATE results SET record = json_remove(json_set(record, '$.config.recipe', COALESCE(
      json_extract(record, '$.config.recipe'),
      CASE json_extract(record, '$.config.preset') WHEN 'reference' THEN 'reference' WHEN 'cpu' THEN 'cpu' END
    )), '$.config.preset')
  WHERE json_type(record, '$.config.preset') IS NOT NULL;
  UPDATE checkpoints SET meta = json_remove(json_set(meta, '$.config.recipe', COALESCE(
      json_extract(meta, '$.config.recipe'),
      CASE json_extract(meta, '$.config.preset') WHEN 'reference' THEN 'reference' WHEN 'cpu' THEN 'cpu' END
    )), '$.config.preset')
  WHERE json_type(meta, '$.config.preset') IS NOT NULL;
  `,
];
