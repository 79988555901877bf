import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Model } from '../models/model.js';
import { createRng } from '../random.js';
import { checkpointPaths, loadCheckpoint, saveCheckpoint, weightsChecksum, type CheckpointInput } from './checkpoint.js';

const shape = { architecture: 'small-cnn', inputChannels: 3, numClasses: 10 };
const input: CheckpointInput = {
  role: 'original',
  dataset: { id: 'cifar10-mini', checksum: 'test' },
  forgetClass: null,
  config: {},
  seed: 1,
  environment: { backend: 'cpu', threads: 1, tfjsVersion: 'test' },
  trainingSeconds: null,
  accuracy: { train: [], test: [] },
};

describe('checkpoint weights integrity', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mu-checkpoint-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function saved() {
    const model = Model.create(shape, createRng(1));
    const meta = await saveCheckpoint(dir, model, input);
    model.dispose();
    return { meta, paths: checkpointPaths(dir, meta.id) };
  }

  /** The weights file with every value NaN: the right size, so only the content tells. */
  function fillWithNaN(file: string): void {
    writeFileSync(file, new Uint8Array(new Float32Array(readFileSync(file).byteLength / 4).fill(Number.NaN).buffer));
  }

  it('records the sha256 of the weights file at save time and loads the weights it matches', async () => {
    const { meta, paths } = await saved();
    expect(meta.weightsSha256).toBe(weightsChecksum(readFileSync(paths.weights)));
    expect(JSON.parse(readFileSync(paths.meta, 'utf8')).weightsSha256).toBe(meta.weightsSha256);
    const { model } = await loadCheckpoint(paths.meta);
    expect(model.paramCount).toBe(meta.model.paramCount);
    model.dispose();
  });

  it('refuses weights corrupted to NaN at the right size as corrupt (checksum mismatch)', async () => {
    const { meta, paths } = await saved();
    fillWithNaN(paths.weights);
    await expect(loadCheckpoint(paths.meta)).rejects.toThrow(`checkpoint weights are corrupt (checksum mismatch): ${meta.id}`);
  });

  it('refuses a single flipped value even when it stays finite', async () => {
    const { paths } = await saved();
    const bytes = readFileSync(paths.weights);
    bytes[0] ^= 1;
    writeFileSync(paths.weights, bytes);
    await expect(loadCheckpoint(paths.meta)).rejects.toThrow('checkpoint weights are corrupt (checksum mismatch)');
  });

  it('loads a checkpoint saved before checksums existed, but still refuses NaN weights in one', async () => {
    const { meta, paths } = await saved();
    const { weightsSha256: _, ...old } = meta;
    writeFileSync(paths.meta, JSON.stringify(old));
    const { model } = await loadCheckpoint(paths.meta);
    model.dispose();
    fillWithNaN(paths.weights);
    await expect(loadCheckpoint(paths.meta)).rejects.toThrow(`checkpoint weights are corrupt (NaN or infinite values): ${meta.id}`);
  });
});
