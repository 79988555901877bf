import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { pytorchFixtureFile } from '../../test/fixtures/pytorchFixture.js';
import { modelFromPytorchWeights } from './pytorchWeights.js';
import type { RawTensor } from './rawTensor.js';
import { readStateDict, readWeightsFile } from './readStateDict.js';
import { writeSafetensors } from './writeSafetensors.js';

const shape = (architecture: string) => ({ architecture, inputChannels: 3, numClasses: 10 });
const load = (bytes: Uint8Array, architecture: string) => () => modelFromPytorchWeights(bytes, shape(architecture)).model.dispose();

function safetensorsWith(change: (sd: Map<string, RawTensor>) => void): Uint8Array {
  const { stateDict } = readStateDict(pytorchFixtureFile('small-cnn.safetensors'));
  change(stateDict);
  return writeSafetensors(stateDict);
}

describe('readStateDict: what training scripts save', () => {
  it("unwraps torch.save({'state_dict': …, 'epoch': 3})", () => {
    const { stateDict } = readStateDict(pytorchFixtureFile('wrapped-state-dict.pth'));
    expect([...stateDict.keys()]).toEqual(['block1.conv.weight', 'block1.bn.weight']);
  });

  it("unwraps {'model': …} and decodes strided views, storage offsets, float16 and bfloat16", () => {
    const { stateDict } = readStateDict(pytorchFixtureFile('wrapped-model.pth'));
    expect([...stateDict.get('strided')!.values]).toEqual([0, 3, 1, 4, 2, 5]);
    expect(stateDict.get('strided')!.shape).toEqual([3, 2]);
    expect([...stateDict.get('offset')!.values]).toEqual([4, 5, 6]);
    expect([...stateDict.get('half')!.values]).toEqual([1.5, -2.25, 65504]);
    const bf16 = stateDict.get('bfloat16')!;
    expect(bf16.dtype).toBe('BF16');
    expect([...bf16.values].slice(0, 2)).toEqual([1.5, -2.25]);
    expect(Math.abs(Number(bf16.values[2]) / 3e38 - 1)).toBeLessThan(0.01);
  });
});

describe('readStateDict and the architecture check: bad input gives one clear error', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'mu-weights-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('a truncated .pth zip', () => {
    const bytes = pytorchFixtureFile('small-cnn.pth');
    expect(() => readStateDict(bytes.subarray(0, bytes.length / 2))).toThrow('the .pth file is not a readable zip archive (truncated or corrupt)');
  });

  it('a truncated .safetensors file', () => {
    const bytes = pytorchFixtureFile('small-cnn.safetensors');
    expect(() => readStateDict(bytes.subarray(0, bytes.length - 100))).toThrow('reaches past the end of the .safetensors file (truncated)');
  });

  it('a zip that would unpack to more than 1 GiB (declared sizes are checked before unpacking)', () => {
    const bytes = Buffer.from(zipSync({ 'archive/data.pkl': [new Uint8Array(64), { level: 0 }] }));
    // Claim 2 GiB in the central directory entry's uncompressed size.
    const central = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt32LE(0x80000000, central + 24);
    expect(() => readStateDict(bytes)).toThrow('the .pth archive unpacks to more than 1073741824 bytes (refused)');
  });

  it('a legacy (non-zip) .pth', () => {
    const legacy = Uint8Array.from([0x80, 0x02, 0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19, 0x2e]);
    expect(() => readStateDict(legacy)).toThrow('legacy (before PyTorch 1.6) format, which is not supported');
  });

  it('a file that is neither', () => {
    expect(() => readStateDict(strToU8('hello, world'))).toThrow('not a PyTorch weights file');
  });

  it('the wrong architecture lists missing and unexpected tensors', () => {
    const run = load(pytorchFixtureFile('resnet18-w8.pth'), 'small-cnn');
    expect(run).toThrow(/^the weights do not fit small-cnn: missing block1\.conv\.weight, .*; unexpected conv1\.weight, bn1\.weight, /);
  });

  it('the wrong width lists every mis-shaped tensor', () => {
    expect(load(pytorchFixtureFile('resnet18-w8.safetensors'), 'resnet18-w16')).toThrow(
      'the weights do not fit resnet18-w16: wrong shape conv1.weight [8,3,3,3] (expected [16,3,3,3]), bn1.weight [8] (expected [16])',
    );
  });

  it('a weight stored as integers', () => {
    const bytes = safetensorsWith((sd) => {
      const t = sd.get('fc.bias')!;
      sd.set('fc.bias', { dtype: 'I64', shape: t.shape, values: new BigInt64Array(t.shape[0]) });
    });
    expect(load(bytes, 'small-cnn')).toThrow('wrong dtype fc.bias (I64, expected a float type)');
  });

  it('unsupported dtypes (safetensors I32, .pth float64)', () => {
    const bytes = safetensorsWith(() => {});
    const headerLength = Number(new DataView(bytes.buffer).getBigUint64(0, true));
    const header = Buffer.from(bytes.subarray(8, 8 + headerLength)).toString().replace('"fc.bias":{"dtype":"F32"', '"fc.bias":{"dtype":"I32"');
    const edited = Buffer.concat([bytes.subarray(0, 8), Buffer.from(header), bytes.subarray(8 + headerLength)]);
    expect(() => readStateDict(edited)).toThrow('unsupported tensor dtypes (expected F32, F16, BF16 or I64): fc.bias (I32)');

    const files = unzipSync(pytorchFixtureFile('small-cnn.pth'));
    const pickleName = Object.keys(files).find((n) => n.endsWith('/data.pkl'))!;
    const pickle = Buffer.from(files[pickleName]).toString('latin1').replace('torch\nFloatStorage\n', 'torch\nDoubleStorage\n');
    files[pickleName] = Buffer.from(pickle, 'latin1');
    expect(() => readStateDict(zipSync(files))).toThrow('unsupported tensor dtypes (expected float32, float16, bfloat16 or int64): block1.conv.weight (float64)');
  });

  it('NaN and infinite weights', () => {
    const bytes = safetensorsWith((sd) => {
      (sd.get('fc.weight')!.values as Float32Array)[3] = NaN;
      (sd.get('block2.bn.running_var')!.values as Float32Array)[0] = Infinity;
    });
    expect(load(bytes, 'small-cnn')).toThrow('NaN or infinite values in block2.bn.running_var, fc.weight');
  });

  it('a file over the size limit is refused before it is read', async () => {
    const file = path.join(tmp, 'big.safetensors');
    writeFileSync(file, pytorchFixtureFile('small-cnn.safetensors'));
    await expect(readWeightsFile(file, 1000)).rejects.toThrow(/big\.safetensors is \d+ bytes, over the 1000-byte limit for weights files/);
  });
});
