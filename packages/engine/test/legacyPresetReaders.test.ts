import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exampleResult } from '../../schema/test/exampleResult.js';
import { listResults } from '../src/run/resultStore.js';
import { CHECKPOINT_FORMAT, CHECKPOINT_VERSION, readCheckpointMeta } from '../src/train/checkpoint.js';

// Records and checkpoints written before training recipes name their preset in `config.preset`.
describe('reading files stored with config.preset', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mu-legacy-preset-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists an old result record, its preset read as a recipe', async () => {
    const { recipe: _recipe, ...config } = exampleResult().config;
    const records = [
      { ...exampleResult(), id: '0000aaaa', config: { ...config, preset: 'cpu' } },
      { ...exampleResult(), id: '0000bbbb', config: { ...config, preset: 'smoke' } },
    ];
    const resultsDir = path.join(dir, 'results');
    mkdirSync(resultsDir);
    for (const r of records) writeFileSync(path.join(resultsDir, `${r.id}.json`), JSON.stringify(r));
    const listed = await listResults(resultsDir);
    expect(listed.map((r) => [r.id, r.config.recipe]).sort()).toEqual([['0000aaaa', 'cpu'], ['0000bbbb', null]]);
    expect(listed.every((r) => !('preset' in r.config))).toBe(true);
  });

  it('reads an old checkpoint metadata file with config.recipe in place of config.preset', async () => {
    const file = path.join(dir, 'old.json');
    const meta = { format: CHECKPOINT_FORMAT, version: CHECKPOINT_VERSION, id: 'old', tensors: [], config: { epochs: 3, preset: 'reference' } };
    writeFileSync(file, JSON.stringify(meta));
    expect((await readCheckpointMeta(file)).config).toEqual({ epochs: 3, recipe: 'reference' });
  });
});
