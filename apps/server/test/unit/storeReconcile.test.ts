import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { smallCnnCheckpoint } from '../helpers/checkpointUpload.js';

describe('Store.reconcile', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mu-store-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('indexes checkpoints found in the folder and reports the unreadable ones instead of skipping them', async () => {
    const dir = path.join(dataDir, 'checkpoints');
    mkdirSync(dir, { recursive: true });
    const { meta, weights } = smallCnnCheckpoint('original', null);
    writeFileSync(path.join(dir, `${meta.id}.json`), JSON.stringify(meta));
    writeFileSync(path.join(dir, `${meta.id}.weights.bin`), weights);
    writeFileSync(path.join(dir, 'beef0001.json'), '{"format": "mu-checkpoint", "vers');
    writeFileSync(path.join(dir, 'beef0001.weights.bin'), weights);
    writeFileSync(path.join(dir, 'beef0002.json'), JSON.stringify({ ...meta, id: 'beef0003' }));
    writeFileSync(path.join(dir, 'beef0002.weights.bin'), weights);
    const store = new Store(dataDir);
    try {
      const { adopted, dropped, unreadable } = await store.reconcile();
      expect(adopted).toEqual([meta.id]);
      expect(dropped).toEqual([]);
      expect(unreadable.map((u) => u.file).sort()).toEqual(['beef0001.json', 'beef0002.json']);
      expect(unreadable.find((u) => u.file === 'beef0002.json')?.reason).toBe('its id is "beef0003"');
      expect(unreadable.every((u) => u.reason.length > 0 && !u.reason.includes('\n'))).toBe(true);
    } finally {
      store.close();
    }
  });
});
