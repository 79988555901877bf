import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { prepareDataFolder } from '../src/store/prepareDataFolder.js';
import { spawnServer } from './helpers/serverProcess.js';

// A data folder that cannot be written stops start-up with one line naming the folder and why:
// for real where the condition can be made as root (a path through a regular file), injected
// where it cannot (a read-only mount, no permission).
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return { ...real, writeFileSync: vi.fn(real.writeFileSync) };
});
const realFs = await vi.importActual<typeof import('node:fs')>('node:fs');

describe('data folder at start-up', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'mu-data-folder-'));
  afterEach(() => {
    vi.mocked(fs.writeFileSync).mockImplementation(realFs.writeFileSync);
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('under a regular file: the server exits with one line naming the folder and the reason', async () => {
    const file = path.join(tmp, 'plain-file');
    writeFileSync(file, '');
    const dataDir = path.join(file, 'data');
    const started = spawnServer({ MU_DATA_DIR: dataDir });
    const error = await started.then(
      () => null,
      (e: Error) => e.message,
    );
    expect(error).toContain('server exited (1) before listening');
    const lines = error!.split('\n').filter((l) => l.startsWith('error: '));
    expect(lines).toEqual([`error: data folder ${dataDir} cannot be created: part of its path is a regular file, not a folder (set MU_DATA_DIR to a writable folder)`]);
  });

  it.each([
    ['EROFS', 'is read-only (a read-only file system)'],
    ['EACCES', 'is not writable (permission denied)'],
    ['ENOSPC', 'cannot be written: the disk is full'],
  ])('%s: reported as such, with the path', (code, reason) => {
    const dataDir = path.join(tmp, `data-${code}`);
    vi.mocked(fs.writeFileSync).mockImplementation(() => {
      throw Object.assign(new Error(`${code}: simulated`), { code, syscall: 'open' });
    });
    expect(() => prepareDataFolder(dataDir, path.join(dataDir, 'checkpoints'))).toThrow(`data folder ${dataDir} ${reason} (set MU_DATA_DIR to a writable folder)`);
  });

  it('a writable folder passes and keeps no probe file', () => {
    const dataDir = path.join(tmp, 'ok');
    prepareDataFolder(dataDir, path.join(dataDir, 'checkpoints'));
    expect(fs.readdirSync(dataDir)).toEqual(['checkpoints']);
  });
});
