import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { catalog } from './catalog.js';
import { readTar } from './readTar.js';

const gunzipAsync = promisify(gunzip);

export const cifar10Url = 'https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz';
export const cifar10Md5 = 'c32a1d4ab5d03f1284b67883e8d87530';

const cifar = catalog.cifar10;
const binNames = [...cifar.files.train, ...cifar.files.test].map((f) => f.name);
const recordBytes = 3073;

export interface FetchCifar10Options {
  /** Archive to download (default: the official one). */
  url?: string;
  /** Expected md5 of the archive (default: the official one's). */
  md5?: string;
  /** Give up when no response has arrived after this long (default 15 s). */
  connectTimeoutMs?: number;
  /** Give up when the download receives nothing for this long (default 60 s). */
  stallTimeoutMs?: number;
  /** Download even when the six files are already there. */
  force?: boolean;
  onProgress?: (receivedBytes: number, totalBytes: number | null) => void;
  signal?: AbortSignal;
}

export interface FetchCifar10Result {
  dir: string;
  files: string[];
  downloaded: boolean;
}

/**
 * Downloads the official CIFAR-10 binary archive, checks its md5 and writes the six `.bin`
 * files to `<targetRoot>/cifar10/`. Without network it fails with one line that says how to
 * place the files by hand.
 *
 *   await fetchCifar10(join(findRepoRoot()!, 'datasets'));
 */
export async function fetchCifar10(targetRoot: string, options: FetchCifar10Options = {}): Promise<FetchCifar10Result> {
  const dir = join(resolve(targetRoot), cifar.id);
  const present = binNames.map((name) => join(dir, name)).filter((p) => existsSync(p) || existsSync(`${p}.gz`));
  if (!options.force && present.length === binNames.length) {
    return { dir, files: binNames.map((name) => join(dir, name)), downloaded: false };
  }
  const url = options.url ?? cifar10Url;
  const archive = await download(url, dir, options);
  const files = await installCifar10Archive(archive, targetRoot, options.md5 ?? cifar10Md5, basename(new URL(url).pathname));
  return { dir, files, downloaded: true };
}

/**
 * Checks the archive's md5, then extracts `data_batch_1…5.bin` and `test_batch.bin` (from any
 * folder inside it) to `<targetRoot>/cifar10/`, each written under a temporary name first.
 * Returns the written paths.
 */
export async function installCifar10Archive(
  archive: Uint8Array,
  targetRoot: string,
  md5: string = cifar10Md5,
  file = 'cifar-10-binary.tar.gz',
): Promise<string[]> {
  const actual = createHash('md5').update(archive).digest('hex');
  if (actual !== md5.toLowerCase()) {
    throw new Error(`fetch-data: ${file} has md5 ${actual}, expected ${md5} (corrupt or incomplete download; try again)`);
  }
  let tar: Uint8Array;
  try {
    tar = await gunzipAsync(archive);
  } catch (error) {
    throw new Error(`fetch-data: ${file} is not valid gzip (${(error as Error).message})`);
  }
  const entries = readTar(tar, file).filter((e) => e.type === 'file');
  const dir = join(resolve(targetRoot), cifar.id);
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const name of binNames) {
    const entry = entries.find((e) => basename(e.name) === name);
    if (!entry) throw new Error(`fetch-data: ${file} holds no ${name}`);
    if (entry.data.length === 0 || entry.data.length % recordBytes !== 0) {
      throw new Error(`fetch-data: ${entry.name} in ${file} has ${entry.data.length} bytes (not whole ${recordBytes}-byte records)`);
    }
    const path = join(dir, name);
    await writeFile(`${path}.part`, entry.data);
    await rename(`${path}.part`, path);
    written.push(path);
  }
  return written;
}

/** The whole response body, with connect and stall timeouts; failures become one line. */
async function download(url: string, dir: string, options: FetchCifar10Options): Promise<Uint8Array> {
  const { connectTimeoutMs = 15_000, stallTimeoutMs = 60_000, onProgress, signal } = options;
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  let timeoutReason = `no answer within ${connectTimeoutMs / 1000} s`;
  let timer = setTimeout(() => controller.abort(new Error(timeoutReason)), connectTimeoutMs);
  try {
    const response = await fetch(url, { signal: controller.signal });
    if (!response.ok || !response.body) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
    const total = Number(response.headers.get('content-length')) || null;
    const chunks: Uint8Array[] = [];
    let received = 0;
    timeoutReason = `download stalled for ${stallTimeoutMs / 1000} s`;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      clearTimeout(timer);
      timer = setTimeout(() => controller.abort(new Error(timeoutReason)), stallTimeoutMs);
      chunks.push(chunk);
      received += chunk.length;
      onProgress?.(received, total);
    }
    if (total !== null && received !== total) throw new Error(`connection closed after ${received} of ${total} bytes`);
    return Buffer.concat(chunks);
  } catch (error) {
    signal?.throwIfAborted();
    throw new Error(`fetch-data: cannot download ${url} (${describeFailure(error)}); ${manualHint(dir)}`);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // fetch() wraps network errors as "fetch failed" with the system error as the cause; an abort
  // by our timer carries our reason.
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error) {
    const code = (cause as NodeJS.ErrnoException).code;
    return code && !cause.message.includes(code) ? `${code}: ${cause.message}` : cause.message;
  }
  return error.message.replace(/\s+/g, ' ');
}

function manualHint(dir: string): string {
  return (
    `network unreachable? Place ${binNames.join(', ')} (plain or .gz) from cifar-10-binary.tar.gz ` +
    `(cifar-10-batches-bin/) in ${dir}/, or set MU_DATA_PATH to a folder that holds cifar10/`
  );
}
