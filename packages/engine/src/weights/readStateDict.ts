import { open } from 'node:fs/promises';
import type { RawTensor } from './rawTensor.js';
import { readPth } from './readPth.js';
import { readSafetensors } from './readSafetensors.js';

export type WeightsFormat = 'pth' | 'safetensors';

/** A full-width ResNet-18 is 45 MB; this leaves room for float64 files while stopping runaway input. */
export const WEIGHTS_FILE_LIMIT = 256 * 1024 * 1024;

/**
 * Which format a weights file is in, from its first bytes: a zip (`.pth` since PyTorch 1.6), a
 * legacy pickle `.pth` (refused later, with a clear message), or safetensors' header length + `{`.
 */
export function detectWeightsFormat(bytes: Uint8Array): WeightsFormat {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'pth';
  if (bytes.length >= 2 && bytes[0] === 0x80 && bytes[1] <= 5) return 'pth';
  if (bytes.length >= 9 && bytes[8] === 0x7b) return 'safetensors';
  throw new Error('not a PyTorch weights file (expected a .pth zip archive or a .safetensors file)');
}

/** A state dict from the bytes of a `.pth` or `.safetensors` file, in PyTorch's layout. */
export function readStateDict(bytes: Uint8Array): { format: WeightsFormat; stateDict: Map<string, RawTensor> } {
  const format = detectWeightsFormat(bytes);
  return { format, stateDict: format === 'pth' ? readPth(bytes) : readSafetensors(bytes) };
}

/** Reads a weights file, refusing one over `limit` bytes before reading it. */
export async function readWeightsFile(file: string, limit = WEIGHTS_FILE_LIMIT): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw new Error(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    const { size } = await handle.stat();
    if (size > limit) throw new Error(`${file} is ${size} bytes, over the ${limit}-byte limit for weights files`);
    return new Uint8Array(await handle.readFile());
  } finally {
    await handle.close();
  }
}
