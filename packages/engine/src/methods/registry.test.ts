import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { MethodDescriptor } from '@mu/schema';
import { describe, expect, it } from 'vitest';
import { findRepoRoot } from '../data/repoRoot.js';
import { builtInMethods } from './builtInMethods.js';
import ga from './ga.js';
import { baseModel, setUpBackend, testRun, trainableValues } from './methodTestKit.js';
import { getMethod, listMethods, loadMethodsFolder, MethodRegistry } from './registry.js';
import { validateDescriptor } from './validateDescriptor.js';

const valid: MethodDescriptor = {
  id: 'my-method',
  label: 'Mine',
  description: 'A test method.',
  version: '1',
  params: ga.descriptor.params,
};
const noop = { descriptor: valid, unlearn: async () => {} };
const withParams = (params: unknown[]) => ({ ...valid, params: [...valid.params, ...params] });

describe('validateDescriptor', () => {
  it('accepts every built-in descriptor', () => {
    for (const m of builtInMethods) expect(validateDescriptor(m.descriptor)).toBe(m.descriptor);
  });

  it.each([
    [{ ...valid, id: 'My_Method' }, 'invalid method descriptor My_Method: /id must match pattern "^[a-z0-9][a-z0-9-]*$"'],
    [{ ...valid, label: undefined }, 'invalid method descriptor my-method: is missing label'],
    [{ ...valid, extra: 1 }, 'invalid method descriptor my-method: has unknown field extra'],
    [{ ...valid, params: valid.params.filter((p) => p.key !== 'lr') }, 'invalid method descriptor my-method: missing standard parameter lr'],
    [
      { ...valid, params: valid.params.map((p) => (p.key === 'epochs' ? { ...p, max: 1000 } : p)) },
      'invalid method descriptor my-method: parameter epochs must be int in 1..500 (the standard range)',
    ],
    [
      { ...valid, params: valid.params.map((p) => (p.key === 'lr' ? { ...p, maxExclusive: false } : p)) },
      'invalid method descriptor my-method: parameter lr must be float in (0, 1) (the standard range)',
    ],
    [
      withParams([{ key: 'beta', label: 'β', type: 'float', default: 2, min: 0, max: 1, scale: 'linear' }]),
      'invalid method descriptor my-method: parameter beta: default 2 outside [0, 1]',
    ],
    [withParams([{ key: 'lr', label: 'again', type: 'bool', default: true }]), 'invalid method descriptor my-method: duplicate parameter lr'],
    [withParams([{ key: 'seed', label: 'Seed', type: 'int', default: 1, min: 0, max: 9 }]), 'invalid method descriptor my-method: seed is set by the run'],
    [
      withParams([{ key: 'mode', label: 'Mode', type: 'enum', default: 'c', options: [{ value: 'a', label: 'A' }] }]),
      'invalid method descriptor my-method: parameter mode: default c is not one of a',
    ],
    [
      withParams([{ key: 'k', label: 'K', type: 'int', default: 1, min: 0, max: 9, defaultFrom: 'later' }]),
      'invalid method descriptor my-method: parameter k: later must be an integer parameter declared before it',
    ],
    [withParams([{ key: 'k', label: 'K', type: 'string', default: '' }]), 'invalid method descriptor my-method: parameter k: type must be int, float, enum or bool (got string)'],
    [withParams([{ key: 'k', label: 'K', type: 'int', default: 1, min: 0 }]), 'invalid method descriptor my-method: parameter k: is missing max'],
  ])('rejects a bad descriptor with one line (%#)', (descriptor, message) => {
    expect(() => validateDescriptor(descriptor)).toThrow(message);
  });
});

describe('MethodRegistry', () => {
  it('holds the built-ins, in order, and names the known ids for an unknown one', () => {
    expect(listMethods().slice(0, 7).map((m) => m.descriptor.id)).toEqual(['ft', 'ga', 'rl', 'scrub', 'salun', 'retrain', 'ngplus']);
    expect(getMethod('scrub').descriptor.label).toBe('SCRUB');
    expect(() => getMethod('nope')).toThrow(/^unknown method: nope \(expected ft, ga, rl, scrub, salun, retrain, ngplus/);
  });

  it('refuses a duplicate id and an invalid descriptor', () => {
    const registry = new MethodRegistry(builtInMethods);
    expect(() => registry.register({ ...noop, descriptor: { ...valid, id: 'ga' } })).toThrow('duplicate method id: ga');
    expect(() => registry.register({ ...noop, descriptor: { ...valid, params: [] } })).toThrow('missing standard parameter epochs');
    expect(() => registry.register({ descriptor: valid })).toThrow('invalid method: expected {descriptor, unlearn}');
    registry.register(noop);
    expect(registry.get('my-method')).toEqual(noop);
  });
});

describe('loadMethodsFolder', () => {
  const folder = (files: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), 'mu-methods-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  };
  const moduleText = (id: string) =>
    `export default { descriptor: ${JSON.stringify({ ...valid, id })}, unlearn: async () => {} };\n`;

  it('registers every .js/.mjs/.ts module, skipping tests, declarations and other files', async () => {
    const dir = folder({
      'a.mjs': moduleText('a'),
      'b.js': moduleText('b'),
      'c.ts': moduleText('c'),
      'c.test.ts': 'throw new Error("not a method");',
      'c.d.ts': 'export {};',
      'README.md': '# not a module',
    });
    const registry = new MethodRegistry();
    const loaded = await loadMethodsFolder(dir, registry);
    expect(loaded.map((m) => m.descriptor.id)).toEqual(['a', 'b', 'c']);
    expect(registry.has('c')).toBe(true);
  });

  it('stops with one line naming the file, and registers none of the folder', async () => {
    const registry = new MethodRegistry(builtInMethods);
    await expect(loadMethodsFolder(folder({ 'a.mjs': moduleText('a'), 'b.mjs': moduleText('ft') }), registry)).rejects.toThrow(
      'duplicate method id: ft (in b.mjs)',
    );
    expect(registry.has('a')).toBe(false);
    await expect(loadMethodsFolder(folder({ 'x.mjs': 'export const y = 1;' }), registry)).rejects.toThrow(
      'invalid method module x.mjs: expected a default export {descriptor, unlearn}',
    );
    await expect(loadMethodsFolder(folder({ 'x.mjs': moduleText('Bad') }), registry)).rejects.toThrow(
      'invalid method descriptor Bad: /id must match pattern "^[a-z0-9][a-z0-9-]*$" (in x.mjs)',
    );
    await expect(loadMethodsFolder(folder({ 'x.mjs': 'syntax error (' }), registry)).rejects.toThrow(/^cannot load method module x\.mjs: /);
    await expect(loadMethodsFolder('/no/such/folder', registry)).rejects.toThrow('methods folder not found: /no/such/folder');
  });

  it("loads the repository's methods, and its example then runs on a context", async () => {
    await setUpBackend();
    const registry = new MethodRegistry(builtInMethods);
    const loaded = await loadMethodsFolder(join(findRepoRoot()!, 'methods'), registry);
    expect(loaded.map((m) => m.descriptor.id)).toEqual(['ref-ga-ft', 'ref-ga-sl-ft', 'ref-ga-sl-ft-v2', 'label-smoothing-ft']);
    const method = loaded.find((m) => m.descriptor.id === 'label-smoothing-ft')!;
    const base = await baseModel();
    const run = await testRun(method, base, { epochs: 2, batchSize: 16, lr: 0.05 });
    const before = await trainableValues(run.ctx.model);
    const tensors = tf.memory().numTensors;
    await method.unlearn(run.ctx);
    expect(tf.memory().numTensors).toBe(tensors);
    expect(run.epochs.map((e) => e.done)).toEqual([1, 2]);
    expect(run.epochs.every((e) => Number.isFinite(e.loss))).toBe(true);
    expect(run.forget.visited).toEqual([]);
    expect(await trainableValues(run.ctx.model)).not.toEqual(before);
    run.dispose();
    base.dispose();
  });
});
