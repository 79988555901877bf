import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { formatCount, readDataFile } from './readDataFile.js';

const tmp = mkdtempSync(join(tmpdir(), 'mu-read-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const spec = { name: 'data_batch_3.bin', bytes: 6146 };
const data = new Uint8Array(6146).map((_, i) => i % 251);

function file(name: string, bytes: Uint8Array): string {
  const path = join(tmp, name);
  writeFileSync(path, bytes);
  return path;
}

describe('readDataFile', () => {
  it('reads plain and gzipped files to the same bytes', async () => {
    expect(await readDataFile('cifar10', file('a.bin', data), spec)).toEqual(data);
    expect(await readDataFile('cifar10', file('a.bin.gz', gzipSync(data)), spec)).toEqual(data);
  });

  it('reports a truncated or over-long file with both sizes', async () => {
    await expect(readDataFile('cifar10', file('data_batch_3.bin.gz', gzipSync(data.subarray(0, 6000))), spec)).rejects.toThrow(
      'cifar10: data_batch_3.bin.gz is truncated (6,000 bytes, expected 6,146)',
    );
    const longer = new Uint8Array(7000);
    await expect(readDataFile('cifar10', file('data_batch_3.bin', longer), spec)).rejects.toThrow(
      'cifar10: data_batch_3.bin is too long (7,000 bytes, expected 6,146)',
    );
  });

  it('reports a cut-off gzip stream and bytes that are not gzip', async () => {
    const gz = gzipSync(data);
    await expect(readDataFile('cifar10', file('cut.bin.gz', gz.subarray(0, gz.length - 20)), spec)).rejects.toThrow(
      'cifar10: cut.bin.gz is truncated (the gzip stream ends early)',
    );
    await expect(readDataFile('cifar10', file('bad.bin.gz', data), spec)).rejects.toThrow(
      /^cifar10: bad\.bin\.gz is not valid gzip \(incorrect header check\)$/,
    );
  });

  it('reports a missing file with its path', async () => {
    const path = join(tmp, 'nope.bin');
    await expect(readDataFile('cifar10', path, spec)).rejects.toThrow(`cifar10: nope.bin not found at ${path}`);
  });

  it('formats counts with thousands separators', () => {
    expect(formatCount(30_730_000)).toBe('30,730,000');
  });
});
