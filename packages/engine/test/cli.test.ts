import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { findRepoRoot } from '../src/data/repoRoot.js';
import { Model } from '../src/models/model.js';
import { createRng } from '../src/random.js';
import { saveCheckpoint } from '../src/train/checkpoint.js';

const root = findRepoRoot()!;
const cli = path.join(root, 'packages/engine/src/cli/main.ts');

function mu(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, MU_BACKEND: 'cpu', ...env },
    timeout: 60_000,
  });
  const errorLines = r.stderr.split('\n').filter((l) => l.startsWith('error: '));
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, errorLines };
}

// Bad input ends with exactly one `error:` line and a non-zero exit code, never a stack trace.
describe('mu command line, bad input', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'mu-cli-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  const expectOneLine = (r: ReturnType<typeof mu>, code: number, message: string) => {
    expect(r.status).toBe(code);
    expect(r.errorLines).toHaveLength(1);
    expect(r.errorLines[0]).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  };

  it('unknown command', () => expectOneLine(mu(['trian']), 2, 'unknown command: trian'));
  it('unknown dataset', () => expectOneLine(mu(['train', '--dataset', 'cifar100', '--arch', 'small-cnn']), 1, 'unknown dataset: cifar100'));
  it('unknown architecture', () =>
    expectOneLine(mu(['train', '--dataset', 'cifar10-mini', '--arch', 'vgg16', '--epochs', '1']), 1, 'unknown architecture: vgg16'));
  it('class out of range', () =>
    expectOneLine(mu(['train', '--dataset', 'cifar10-mini', '--arch', 'small-cnn', '--exclude-class', '10']), 1, 'invalid class: 10'));
  it('malformed number', () =>
    expectOneLine(mu(['train', '--dataset', 'cifar10-mini', '--arch', 'small-cnn', '--epochs', 'ten']), 2, 'invalid --epochs: ten'));
  it('unknown recipe', () => expectOneLine(mu(['train', '--recipe', 'fastest']), 2, 'unknown recipe: fastest (expected reference, cpu, quick, quick-fashion-mnist)'));
  it('recipe that does not fit the dataset', () =>
    expectOneLine(mu(['train', '--recipe', 'quick', '--dataset', 'fashion-mnist']), 2, 'recipe quick does not fit dataset fashion-mnist (it is for cifar10-mini)'));
  it('unknown flag', () => expectOneLine(mu(['train', '--bogus']), 2, "Unknown option '--bogus'"));

  it('corrupt (truncated) data file', () => {
    const dir = path.join(tmp, 'corrupt', 'cifar10-mini');
    mkdirSync(dir, { recursive: true });
    const train = gunzipSync(readFileSync(path.join(root, 'datasets/cifar10-mini/train.bin.gz')));
    writeFileSync(path.join(dir, 'train.bin'), train.subarray(0, 3073 * 10 + 5));
    writeFileSync(path.join(dir, 'test.bin.gz'), readFileSync(path.join(root, 'datasets/cifar10-mini/test.bin.gz')));
    expectOneLine(mu(['train', '--dataset', 'cifar10-mini', '--arch', 'small-cnn'], { MU_DATA_PATH: path.join(tmp, 'corrupt') }), 1, 'train.bin');
  });

  it('unreadable checkpoint', () => {
    const file = path.join(tmp, 'broken.json');
    writeFileSync(file, '{"format": "something else"}');
    expectOneLine(mu(['eval', file]), 1, 'is not a mu-checkpoint file');
    expectOneLine(mu(['eval', path.join(tmp, 'absent.json')]), 1, 'checkpoint not found');
  });

  describe('unlearn', () => {
    let checkpoints: string;
    beforeAll(async () => {
      checkpoints = path.join(tmp, 'checkpoints');
      const model = Model.create({ architecture: 'small-cnn', inputChannels: 3, numClasses: 10 }, createRng(1));
      await saveCheckpoint(checkpoints, model, {
        role: 'original', dataset: { id: 'cifar10-mini', checksum: 'x' }, forgetClass: null, config: {}, seed: 1,
        environment: { backend: 'cpu', threads: 1, tfjsVersion: tf.version.tfjs }, trainingSeconds: null,
        accuracy: { train: [], test: [] },
      });
      model.dispose();
    });
    const unlearn = (...args: string[]) =>
      mu(['unlearn', ...args], { MU_CHECKPOINT_DIR: checkpoints, MU_RESULTS_DIR: path.join(tmp, 'results') });

    it('missing Original checkpoint', () =>
      expectOneLine(mu(['unlearn', '--method', 'ga', '--forget-class', '3'], { MU_CHECKPOINT_DIR: path.join(tmp, 'empty') }), 1, 'no Original checkpoint'));
    it('out-of-range hyperparameter', () => expectOneLine(unlearn('--method', 'ga', '--forget-class', '3', '--lr', '2'), 1, 'invalid lr: 2'));
    it('wrong-typed hyperparameter', () => expectOneLine(unlearn('--method', 'scrub', '--forget-class', '3', '--epochs', 'many'), 1, 'invalid epochs: many'));
    it('unknown hyperparameter', () => expectOneLine(unlearn('--method', 'ga', '--forget-class', '3', '--momentum', '0.5'), 1, 'unknown parameter for ga: momentum'));
    it('unknown method', () => expectOneLine(unlearn('--method', 'magic', '--forget-class', '3'), 1, 'unknown method: magic'));
    it('forget class out of range', () => expectOneLine(unlearn('--method', 'ga', '--forget-class', '12'), 1, 'invalid forget class: 12'));
    it('missing --forget-class', () => expectOneLine(unlearn('--method', 'ga'), 2, 'missing --forget-class'));
  });
});

describe('mu methods', () => {
  it('lists the built-ins and the example custom method with its parameters', () => {
    const r = mu(['methods']);
    expect(r.status).toBe(0);
    for (const id of ['ft', 'ga', 'rl', 'scrub', 'salun', 'retrain', 'label-smoothing-ft']) expect(r.stdout).toContain(`\n${id} — `);
    expect(r.stdout).toMatch(/--smoothing\s+float \[0, 0\.3\], default 0\.1/);
  });
});
