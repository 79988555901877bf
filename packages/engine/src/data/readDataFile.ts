import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import type { DataFileSpec } from './catalog.js';

const gunzipAsync = promisify(gunzip);

/**
 * The uncompressed bytes of one data file (gunzipped when the path ends in `.gz`), checked
 * against the exact size the descriptor expects. Every failure is one line naming the dataset,
 * the file and what is wrong.
 *
 *   const bytes = await readDataFile('cifar10', '/data/cifar10/test_batch.bin.gz', spec);
 */
export async function readDataFile(datasetId: string, path: string, spec: DataFileSpec): Promise<Uint8Array> {
  const name = basename(path);
  let raw: Buffer;
  try {
    raw = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`${datasetId}: ${name} not found at ${path}`);
    throw new Error(`${datasetId}: ${name} cannot be read (${code ?? (error as Error).message})`);
  }
  let bytes: Buffer = raw;
  if (path.endsWith('.gz')) {
    try {
      bytes = await gunzipAsync(raw);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // zlib reports a gzip stream cut short as Z_BUF_ERROR ("unexpected end of file").
      if (code === 'Z_BUF_ERROR') throw new Error(`${datasetId}: ${name} is truncated (the gzip stream ends early)`);
      throw new Error(`${datasetId}: ${name} is not valid gzip (${(error as Error).message})`);
    }
  }
  if (bytes.length !== spec.bytes) {
    const problem = bytes.length < spec.bytes ? 'is truncated' : 'is too long';
    throw new Error(
      `${datasetId}: ${name} ${problem} (${formatCount(bytes.length)} bytes, expected ${formatCount(spec.bytes)})`,
    );
  }
  // A plain Uint8Array view: Buffer's slice() shares memory, which decoders must not rely on.
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}

/** 30730000 → "30,730,000". */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
