import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { smallCnnCheckpoint } from './helpers/checkpointUpload.js';
import { fixtureUploads } from './helpers/fixtures.js';
import { startTestServer, type TestServer } from './helpers/testServer.js';

// Storage failures on import, delete, job creation and upload: a clear 507 (no space) or 503
// (read-only, not writable, missing folder) naming the condition and never the path; the server
// stays up and nothing is half-written. Real conditions where one can be made (the checkpoint
// folder removed, or replaced by a file); otherwise the failure is injected where the store
// meets the disk: the file-system calls it makes, or the database's own error (SQLITE_FULL…).
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return { ...real, writeFile: vi.fn(real.writeFile) };
});
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return { ...real, renameSync: vi.fn(real.renameSync) };
});

const realFs = await vi.importActual<typeof import('node:fs')>('node:fs');
const realFsp = await vi.importActual<typeof import('node:fs/promises')>('node:fs/promises');
const errno = (code: string, syscall: string) => Object.assign(new Error(`${code}: simulated, ${syscall} '/secret/path'`), { code, syscall });
const sqlite = (code: string) => new Database.SqliteError(`simulated ${code}`, code);

describe('storage failures', () => {
  let s: TestServer;
  let checkpointDir: string;
  const { meta, weights } = smallCnnCheckpoint();
  const upload = () =>
    s.upload('/api/imports/checkpoints', [
      { field: 'meta', name: 'm.json', content: JSON.stringify(meta) },
      { field: 'weights', name: 'w.bin', content: weights },
    ]);
  /** Everything a client or the disk can see: rows of each kind and the checkpoint folder. */
  const snapshot = async () => ({
    results: (await s.get('/api/results')).text,
    checkpoints: (await s.get('/api/checkpoints')).text,
    jobs: (await s.get('/api/jobs')).text,
    files: existsSync(checkpointDir) ? readdirSync(checkpointDir).sort() : null,
  });
  const expectNamed = (res: { status: number; body: any; text: string }, status: number, condition: RegExp) => {
    expect(res.status).toBe(status);
    expect(res.body.message).toMatch(condition);
    expect(res.text).not.toContain(s.dataDir);
    expect(res.text).not.toContain('/secret/path');
  };

  beforeAll(async () => {
    s = await startTestServer();
    checkpointDir = path.join(s.dataDir, 'checkpoints');
    expect((await s.upload('/api/imports/results', fixtureUploads())).status).toBe(201);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    vi.mocked(fsp.writeFile).mockImplementation(realFsp.writeFile);
    vi.mocked(fs.renameSync).mockImplementation(realFs.renameSync);
    expect((await s.get('/api/health')).status).toBe(200);
  });
  afterAll(async () => {
    await s?.close();
  });

  describe('upload of a checkpoint', () => {
    it('checkpoint folder removed: 503, nothing stored', async () => {
      const before = await snapshot();
      rmSync(checkpointDir, { recursive: true });
      const res = await upload();
      expectNamed(res, 503, /^storage unavailable: a folder of the server's data folder is missing \(nothing was saved\)$/);
      expect(await snapshot()).toEqual({ ...before, files: null });
      mkdirSync(checkpointDir);
    });

    it('checkpoint folder replaced by a regular file: 503, the file untouched', async () => {
      rmSync(checkpointDir, { recursive: true });
      writeFileSync(checkpointDir, 'not a folder');
      const res = await upload();
      expectNamed(res, 503, /^storage unavailable: a folder of the server's data folder is missing/);
      expect(fs.readFileSync(checkpointDir, 'utf8')).toBe('not a folder');
      rmSync(checkpointDir);
      mkdirSync(checkpointDir);
    });

    it('disk full while writing the metadata (the weights already written): 507, no file and no row left', async () => {
      const before = await snapshot();
      vi.mocked(fsp.writeFile).mockImplementation(async (file, data) => {
        if (String(file).includes('.json')) throw errno('ENOSPC', 'write');
        return realFsp.writeFile(file, data);
      });
      const res = await upload();
      expectNamed(res, 507, /^insufficient storage: the server's disk is full \(nothing was saved\)$/);
      expect(res.body.error).toBe('Insufficient Storage');
      expect(await snapshot()).toEqual(before);
    });

    it('database full when indexing it (the files already in place): 507, the files removed again', async () => {
      const before = await snapshot();
      vi.spyOn(s.server.store.checkpoints, 'put').mockImplementation(() => {
        throw sqlite('SQLITE_FULL');
      });
      expectNamed(await upload(), 507, /^insufficient storage/);
      expect(await snapshot()).toEqual(before);
    });

    it('works again once the storage is back', async () => {
      const res = await upload();
      expect(res.status).toBe(201);
      expect(readdirSync(checkpointDir)).toContain(`${res.body.id}.weights.bin`);
    });
  });

  it('import of result files on a read-only database: 503, no record stored', async () => {
    const before = await snapshot();
    vi.spyOn(s.server.store.results, 'put').mockImplementation(() => {
      throw sqlite('SQLITE_READONLY');
    });
    expectNamed(await s.upload('/api/imports/results', fixtureUploads(['0000.json'])), 503, /^storage unavailable: the server's data folder is read-only/);
    expect(await snapshot()).toEqual(before);
  });

  it('job creation on a full disk: 507, no job queued', async () => {
    const before = await snapshot();
    vi.spyOn(s.server.store.jobs, 'insert').mockImplementation(() => {
      throw sqlite('SQLITE_FULL');
    });
    const res = await s.post('/api/jobs', { kind: 'original', dataset: 'cifar10-mini', architecture: 'small-cnn', epochs: 1 });
    expectNamed(res, 507, /^insufficient storage/);
    expect(await snapshot()).toEqual(before);
  });

  describe('delete of an unlearned result with its weights', () => {
    let resultId: string;
    let modelId: string;
    beforeAll(async () => {
      const up = await upload();
      expect(up.status).toBe(201);
      modelId = up.body.id;
      // An imported unlearned record, pointed at the uploaded weights as an engine run's would be.
      const rows = (await s.get('/api/results?role=unlearned')).body as { id: string }[];
      const record = (await s.get(`/api/results/${rows[0].id}`)).body;
      resultId = record.id;
      s.server.store.results.put({ ...record, modelId, weights: { available: true, format: null, bytes: null } }, { replace: true });
    });

    it('database read-only: 503, the record and its weights stay', async () => {
      const before = await snapshot();
      vi.spyOn(s.server.store.results, 'delete').mockImplementation(() => {
        throw sqlite('SQLITE_READONLY_DBMOVED');
      });
      expectNamed(await s.delete(`/api/results/${resultId}`), 503, /^storage unavailable: the server's data folder is read-only/);
      expect(await snapshot()).toEqual(before);
      expect(before.files).toContain(`${modelId}.weights.bin`);
    });

    it('weights cannot be moved (permission denied): 503, the record and its weights stay', async () => {
      const before = await snapshot();
      let calls = 0;
      vi.mocked(fs.renameSync).mockImplementation((from, to) => {
        if (++calls === 2) throw errno('EACCES', 'rename');
        realFs.renameSync(from, to);
      });
      expectNamed(await s.delete(`/api/results/${resultId}`), 503, /^storage unavailable: the server's data folder is not writable \(permission denied; nothing was saved\)$/);
      expect(await snapshot()).toEqual(before);
    });

    it('deletes the record and its weights once the storage is back', async () => {
      expect((await s.delete(`/api/results/${resultId}`)).status).toBe(204);
      expect(readdirSync(checkpointDir).filter((f) => f.startsWith(modelId))).toEqual([]);
    });
  });
});
