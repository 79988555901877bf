import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  pickleCalling,
  pickleCallingStorageClass,
  pickleCallingString,
  pickleStackGlobalCalling,
  pthAround,
} from '../../test/fixtures/craftedPickles.js';
import { pytorchFixtureFile } from '../../test/fixtures/pytorchFixture.js';
import { readStateDict } from './readStateDict.js';
import { readStateDictPickle } from './stateDictPickle.js';

describe('restricted unpickler: malicious pickles are refused and nothing runs', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'mu-pickle-'));
  const marker = path.join(tmp, 'pwned');
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it.each([
    ['os', 'system', `touch ${marker}`],
    ['posix', 'system', `touch ${marker}`],
    ['builtins', 'eval', `open(${JSON.stringify(marker)}, 'w')`],
    ['builtins', 'exec', `open(${JSON.stringify(marker)}, 'w')`],
    ['subprocess', 'Popen', `touch ${marker}`],
    ['torch', 'load', marker],
  ])('%s.%s', (module, name, argument) => {
    const message = `pickle refers to ${module}.${name}, which a state dict never needs (refused; nothing was run)`;
    expect(() => readStateDictPickle(pickleCalling(module, name, argument))).toThrow(message);
    expect(() => readStateDictPickle(pickleStackGlobalCalling(module, name, argument))).toThrow(message);
    expect(() => readStateDict(pthAround(pickleCalling(module, name, argument)))).toThrow(message);
    expect(existsSync(marker)).toBe(false);
  });

  it('REDUCE on an allowed global that is not a callable of a state dict', () => {
    expect(() => readStateDictPickle(pickleCallingStorageClass())).toThrow('pickle calls torch.FloatStorage, which a state dict never calls (refused; nothing was run)');
  });

  it('REDUCE on a plain value', () => {
    expect(() => readStateDictPickle(pickleCallingString())).toThrow('pickle calls string, which a state dict never calls');
  });

  it('opcodes a state dict never uses (INST, OBJ, NEWOBJ) are refused', () => {
    for (const op of [0x69, 0x6f, 0x81]) {
      expect(() => readStateDictPickle(Uint8Array.from([0x80, 2, op, 0x2e]))).toThrow(`opcode 0x${op.toString(16)}`);
    }
  });

  it('a truncated pickle is an error, not a crash', () => {
    const pickle = pickleCalling('collections', 'OrderedDict', 'x');
    expect(() => readStateDictPickle(pickle.subarray(0, 10))).toThrow('pickle data is truncated');
  });

  it('reads a real torch.save pickle (OrderedDict with _metadata, BINPUT/BINGET, persistent ids)', () => {
    const { stateDict } = readStateDict(pytorchFixtureFile('small-cnn.pth'));
    expect([...stateDict.keys()].slice(0, 6)).toEqual([
      'block1.conv.weight', 'block1.bn.weight', 'block1.bn.bias', 'block1.bn.running_mean', 'block1.bn.running_var', 'block1.bn.num_batches_tracked',
    ]);
    expect(stateDict.get('block1.conv.weight')!.shape).toEqual([32, 3, 3, 3]);
    expect(stateDict.get('block1.bn.num_batches_tracked')!.dtype).toBe('I64');
  });
});
