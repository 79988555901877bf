import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CHECKPOINT_FORMAT, CHECKPOINT_VERSION } from '@mu/engine';
import { validateResult } from '@mu/schema';
import { afterAll, describe, expect, it } from 'vitest';
import { exampleResult } from '../../../../packages/schema/test/exampleResult.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { openDatabase } from '../../src/store/openDatabase.js';
import { Store } from '../../src/store/store.js';
import { CheckpointsRepository } from '../../src/store/checkpointsRepository.js';
import { ResultsRepository } from '../../src/store/resultsRepository.js';

/** A record as stored before training recipes: `config.preset`, no `config.recipe`. */
function legacyRecord(id: string, preset: string | null): object {
  const { recipe: _recipe, ...config } = exampleResult().config;
  return { ...exampleResult(), id, config: { ...config, preset } };
}

/** A database left at migration step 2 (before recipes) holding records and checkpoints with `config.preset`. */
function legacyDatabase(file: string): void {
  const db = new Database(file);
  for (const step of MIGRATIONS.slice(0, 2)) db.exec(step);
  db.pragma('user_version = 2');
  const insertResult = db.prepare(
    `INSERT INTO results (id, model_id, role, dataset, architecture, forget_class, method, source, stored_at, headline, summary, record)
     VALUES (?, 'm', 'unlearned', 'toy', 'resnet18-w8', 1, 'ft', 'engine', '2026-01-01', '{}', '{}', ?)`,
  );
  for (const [id, preset] of [['0000000a', 'reference'], ['0000000b', 'cpu'], ['0000000c', 'smoke'], ['0000000d', null]] as const) {
    insertResult.run(id, JSON.stringify(legacyRecord(id, preset)));
  }
  db.prepare(
    `INSERT INTO checkpoints (id, role, dataset, architecture, source, created_at, meta, designated_at)
     VALUES ('0000000e', 'original', 'toy', 'small-cnn', 'engine', '2026-01-01', ?, '2026-01-01')`,
  ).run(JSON.stringify({ id: '0000000e', config: { epochs: 3, preset: 'cpu' } }));
  db.close();
}

describe('config.preset becomes config.recipe', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mu-migrations-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('rewrites stored records and checkpoints so that they load and pass the current schema', () => {
    const file = path.join(dir, 'mu.sqlite');
    legacyDatabase(file);
    const db = openDatabase(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      const results = new ResultsRepository(db);
      const recipes = ['0000000a', '0000000b', '0000000c', '0000000d'].map((id) => {
        const record = results.get(id)!;
        expect(validateResult(record).ok).toBe(true);
        expect('preset' in record.config).toBe(false);
        return record.config.recipe;
      });
      expect(recipes).toEqual(['reference', 'cpu', null, null]);
      expect(new CheckpointsRepository(db).meta('0000000e')!.config).toEqual({ epochs: 3, recipe: 'cpu' });
    } finally {
      db.close();
    }
  });

  it('leaves records written with config.recipe untouched', () => {
    const file = path.join(dir, 'current.sqlite');
    const db = openDatabase(file);
    try {
      const results = new ResultsRepository(db);
      results.put(exampleResult());
      const before = results.json(exampleResult().id);
      db.exec(MIGRATIONS[2]);
      expect(results.json(exampleResult().id)).toBe(before);
    } finally {
      db.close();
    }
  });

  it('indexes a checkpoint found on disk with config.preset under config.recipe', async () => {
    const dataDir = path.join(dir, 'data');
    mkdirSync(path.join(dataDir, 'checkpoints'), { recursive: true });
    const meta = {
      format: CHECKPOINT_FORMAT,
      version: CHECKPOINT_VERSION,
      id: '0000000f',
      role: 'original',
      forgetClass: null,
      createdAt: '2026-01-01T00:00:00.000Z',
      dataset: { id: 'cifar10-mini' },
      model: { architecture: 'small-cnn' },
      tensors: [],
      config: { epochs: 3, preset: 'reference' },
    };
    writeFileSync(path.join(dataDir, 'checkpoints', '0000000f.json'), JSON.stringify(meta));
    writeFileSync(path.join(dataDir, 'checkpoints', '0000000f.weights.bin'), new Uint8Array(0));
    const store = new Store(dataDir);
    try {
      expect((await store.reconcile()).adopted).toEqual(['0000000f']);
      expect(store.checkpoints.meta('0000000f')!.config).toEqual({ epochs: 3, recipe: 'reference' });
    } finally {
      store.close();
    }
  });
});
