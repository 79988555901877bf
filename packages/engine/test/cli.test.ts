import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { expectOneLine, mu, repoRoot } from './fixtures/muCli.js';
import { Model } from '../src/models/model.js';
import { createRng } from '../src/random.js';
import { saveCheckpoint } from '../src/train/checkpoint.js';

const root = repoRoot;

// Bad input ends with exactly one `error:` line and a non-zero exit code, never a stack trace.
describe('mu command line, bad input', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'mu-cli-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

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

describe('mu eval and mu info on stored checkpoints', () => {
  let tmp: string;
  let id: string;
  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'mu-cli-eval-'));
    const model = Model.create({ architecture: 'small-cnn', inputChannels: 3, numClasses: 10 }, createRng(1));
    // Stored accuracies that the model cannot have: every class at exactly 0.5.
    id = (await saveCheckpoint(tmp, model, {
      role: 'original', dataset: { id: 'cifar10-mini', checksum: 'x' }, forgetClass: null, config: {}, seed: 1,
      environment: { backend: 'cpu', threads: 1, tfjsVersion: tf.version.tfjs }, trainingSeconds: null,
      accuracy: { train: Array(10).fill(0.5), test: Array(10).fill(0.5) },
    })).id;
    model.dispose();
    writeFileSync(path.join(tmp, 'broken.json'), '{"format": "mu-checkpoint", "version": 1');
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  // The evaluation itself runs on wasm: the pure-JS cpu backend takes minutes for 1,000 images.
  const env = () => ({ MU_CHECKPOINT_DIR: tmp, MU_BACKEND: 'wasm', MU_THREADS: '1' });

  it('mu eval fails when a class differs from the stored accuracy by more than --tolerance', () => {
    const r = mu(['eval', id, '--split', 'test'], env());
    expect(r.status).toBe(1);
    expect(r.errorLines).toHaveLength(1);
    expect(r.errorLines[0]).toMatch(/^error: test accuracy of class \d differs from the stored one by 0\.\d{4} \(more than --tolerance 0\.01\)$/);
    expect(r.stdout).toMatch(/test: max \|Δ\| vs stored accuracy 0\.\d{4} \(class \d\), tolerance 0\.01/);
  });

  it('mu eval passes within a wider --tolerance, and refuses one outside [0, 1]', () => {
    const r = mu(['eval', id, '--split', 'test', '--tolerance', '1'], env());
    expect(r.errorLines).toEqual([]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('tolerance 1');
    expect(mu(['eval', id, '--tolerance', '2'], env()).errorLines).toEqual(['error: invalid --tolerance: 2 (expected a number in [0, 1])']);
  });

  it('mu info lists the readable checkpoint and warns about the unreadable one', () => {
    const r = mu(['info'], env());
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`  ${id}  original`);
    expect(r.stderr).toMatch(/^warning: unreadable checkpoint broken\.json: .+$/m);
  });
});

describe('mu methods', () => {
  it('lists the built-ins, the guided methods and the example custom method with its parameters', () => {
    const r = mu(['methods']);
    expect(r.status).toBe(0);
    for (const id of ['ft', 'ga', 'rl', 'scrub', 'salun', 'retrain', 'ref-ga-ft', 'ref-ga-sl-ft', 'ref-ga-sl-ft-v2', 'label-smoothing-ft']) expect(r.stdout).toContain(`\n${id} — `);
    expect(r.stdout).toMatch(/--smoothing\s+float \[0, 0\.3\], default 0\.1/);
  });
});
