import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickleCalling, pthAround } from './fixtures/craftedPickles.js';
import { expectOneLine, mu } from './fixtures/muCli.js';
import { pytorchFixtureDir, pytorchFixtureFile } from './fixtures/pytorchFixture.js';
import { readStateDict } from '../src/weights/readStateDict.js';

const fixture = (name: string) => path.join(pytorchFixtureDir, name);
const lastLine = (stdout: string) => stdout.trim().split('\n').at(-1)!;

describe('mu import-weights and export-weights', () => {
  let tmp: string;
  let env: Record<string, string>;
  beforeAll(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'mu-weights-cli-'));
    env = { MU_CHECKPOINT_DIR: path.join(tmp, 'checkpoints'), MU_RESULTS_DIR: path.join(tmp, 'results'), MU_BACKEND: 'wasm' };
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('imports an Original, then an unlearned model evaluated with the full pipeline; the export gives the same tensors back', () => {
    const original = mu(['import-weights', fixture('small-cnn.pth'), '--arch', 'small-cnn', '--dataset', 'cifar10-mini', '--role', 'original'], env, 300_000);
    expect(original.stderr).not.toContain('error:');
    expect(original.status).toBe(0);
    const originalId = lastLine(original.stdout);
    expect(originalId).toMatch(/^[0-9a-f]{8}$/);

    const unlearned = mu(['import-weights', fixture('small-cnn.safetensors'), '--arch', 'small-cnn', '--dataset', 'cifar10-mini', '--forget-class', '3'], env, 600_000);
    expect(unlearned.status).toBe(0);
    const id = lastLine(unlearned.stdout);
    expect(id).toMatch(/^[0-9a-f]{8}$/);
    const record = JSON.parse(readFileSync(path.join(env.MU_RESULTS_DIR, `${id}.json`), 'utf8'));
    expect(record).toMatchObject({ role: 'unlearned', config: { forgetClass: 3, method: { id: 'upload' } } });
    expect(record.label).toBe('small-cnn.safetensors');
    expect(record.metrics.TUA).toBeGreaterThanOrEqual(0);

    const out = path.join(tmp, 'back.pth');
    const exported = mu(['export-weights', id, '--format', 'pth', '--out', out], env);
    expect(exported.status).toBe(0);
    const want = readStateDict(pytorchFixtureFile('small-cnn.pth')).stateDict;
    const got = readStateDict(new Uint8Array(readFileSync(out))).stateDict;
    expect([...got.keys()]).toEqual([...want.keys()]);
    for (const [name, t] of want) expect(Buffer.from(got.get(name)!.values.buffer).equals(Buffer.from(t.values.buffer)), name).toBe(true);
  }, 900_000);

  describe('bad input: one error line, exit ≠ 0, nothing written', () => {
    const files = (dir: string) => (existsSync(dir) ? readdirSync(dir).length : 0);
    const written = () => files(env.MU_CHECKPOINT_DIR) + files(env.MU_RESULTS_DIR);
    const importArgs = (file: string, arch = 'small-cnn') => ['import-weights', file, '--arch', arch, '--dataset', 'cifar10-mini', '--role', 'original'];
    const write = (name: string, bytes: Uint8Array) => {
      const file = path.join(tmp, name);
      writeFileSync(file, bytes);
      return file;
    };

    it.each([
      ['os.system', 'os', 'system'],
      ['builtins.eval', 'builtins', 'eval'],
      ['subprocess.Popen', 'subprocess', 'Popen'],
    ])('a pickle naming %s', (global, module, name) => {
      const before = written();
      const file = write(`${name}.pth`, pthAround(pickleCalling(module, name, `touch ${path.join(tmp, 'pwned')}`)));
      expectOneLine(mu(importArgs(file), env), 1, `pickle refers to ${global}, which a state dict never needs`);
      expect(written()).toBe(before);
      expect(readdirSync(tmp)).not.toContain('pwned');
    });

    it('a truncated zip', () => {
      const before = written();
      expectOneLine(mu(importArgs(write('truncated.pth', pytorchFixtureFile('small-cnn.pth').subarray(0, 5000))), env), 1, 'not a readable zip archive');
      expect(written()).toBe(before);
    });

    it('a legacy .pth', () => {
      const before = written();
      expectOneLine(mu(importArgs(write('legacy.pth', Uint8Array.from([0x80, 2, 0x8a, 0x0a, 0x2e]))), env), 1, 'legacy (before PyTorch 1.6) format');
      expect(written()).toBe(before);
    });

    it('the wrong architecture', () => {
      const before = written();
      expectOneLine(mu(importArgs(fixture('small-cnn.pth'), 'resnet18-w8'), env), 1, 'the weights do not fit resnet18-w8: missing conv1.weight');
      expect(written()).toBe(before);
    });

    it('a missing forget class, an unknown role', () => {
      expectOneLine(mu(['import-weights', fixture('small-cnn.pth'), '--arch', 'small-cnn', '--dataset', 'cifar10-mini'], env), 2, 'missing --forget-class');
      expectOneLine(mu(['import-weights', fixture('small-cnn.pth'), '--arch', 'small-cnn', '--dataset', 'cifar10-mini', '--role', 'teacher'], env), 2, 'invalid --role: teacher');
    });

    it('an unknown export format', () => {
      expectOneLine(mu(['export-weights', 'abcd1234', '--format', 'onnx', '--out', 'x'], env), 2, 'invalid --format: onnx');
    });
  });
});
