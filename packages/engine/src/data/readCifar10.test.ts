import { describe, expect, it } from 'vitest';
import { readCifar10 } from './readCifar10.js';

/** One record whose channel c of pixel p is (c·100 + p) mod 256. */
function record(label: number): Uint8Array {
  const bytes = new Uint8Array(3073);
  bytes[0] = label;
  for (let c = 0; c < 3; c++) for (let p = 0; p < 1024; p++) bytes[1 + c * 1024 + p] = (c * 100 + p) % 256;
  return bytes;
}

describe('readCifar10', () => {
  it('turns label + R, G, B planes into NHWC pixels', () => {
    const bytes = new Uint8Array(2 * 3073);
    bytes.set(record(7), 0);
    bytes.set(record(2), 3073);
    const set = readCifar10(bytes, 'test.bin');
    expect(set).toMatchObject({ count: 2, height: 32, width: 32, channels: 3 });
    expect([...set.labels]).toEqual([7, 2]);
    // pixel (row 1, col 2) = plane position 34: R 34, G 134, B 234.
    const at = (i: number, y: number, x: number) => [...set.images.subarray(((i * 32 + y) * 32 + x) * 3, ((i * 32 + y) * 32 + x) * 3 + 3)];
    expect(at(0, 1, 2)).toEqual([34, 134, 234]);
    expect(at(1, 31, 31)).toEqual([1023 % 256, 1123 % 256, 1223 % 256]);
  });

  it('rejects a label outside 0..9, naming the record', () => {
    const bytes = new Uint8Array(2 * 3073);
    bytes[3073] = 10;
    expect(() => readCifar10(bytes, 'cifar10: test_batch.bin')).toThrow(
      'cifar10: test_batch.bin: record 1 has label 10 (expected 0..9)',
    );
  });

  it('rejects a length that is not whole records', () => {
    expect(() => readCifar10(new Uint8Array(3072), 'x.bin')).toThrow('x.bin: 3072 bytes is not a whole number of 3073-byte records');
    expect(() => readCifar10(new Uint8Array(0), 'x.bin')).toThrow('not a whole number');
  });
});
