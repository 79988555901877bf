import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchCifar10, installCifar10Archive } from './fetchCifar10.js';
import { writeTar } from '../../test/writeTar.js';

const tmp = mkdtempSync(join(tmpdir(), 'mu-fetch-'));
const names = ['data_batch_1.bin', 'data_batch_2.bin', 'data_batch_3.bin', 'data_batch_4.bin', 'data_batch_5.bin', 'test_batch.bin'];

/** A small stand-in for cifar-10-binary.tar.gz: two records per file, each file's bytes distinct. */
const contents = names.map((_, k) => Uint8Array.from({ length: 2 * 3073 }, (_, i) => (i * (k + 1)) % 10));
const archive = gzipSync(
  writeTar([
    { name: 'cifar-10-batches-bin/', type: 'directory' },
    { name: 'cifar-10-batches-bin/batches.meta.txt', data: new TextEncoder().encode('airplane\n') },
    ...names.map((name, k) => ({ name: `cifar-10-batches-bin/${name}`, data: contents[k] })),
  ]),
);
const md5 = createHash('md5').update(archive).digest('hex');

let server: Server;
let base = '';
beforeAll(async () => {
  // Loopback only: serves the small archive, and never answers /hang.
  server = createServer((req, res) => {
    if (req.url === '/hang') return;
    res.writeHead(200, { 'content-length': archive.length }).end(archive);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(tmp, { recursive: true, force: true });
});

describe('fetchCifar10', () => {
  it('fails in one line, with the manual steps, when the server is unreachable', async () => {
    // A loopback port that was just freed refuses connections.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const url = `http://127.0.0.1:${port}/cifar-10-binary.tar.gz`;
    const started = Date.now();
    const error = await fetchCifar10(join(tmp, 'offline'), { url }).then(() => null, (e: Error) => e);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error?.message).toBe(
      `fetch-data: cannot download ${url} (connect ECONNREFUSED 127.0.0.1:${port}); network unreachable? ` +
        'Place data_batch_1.bin, data_batch_2.bin, data_batch_3.bin, data_batch_4.bin, data_batch_5.bin, test_batch.bin ' +
        `(plain or .gz) from cifar-10-binary.tar.gz (cifar-10-batches-bin/) in ${join(tmp, 'offline', 'cifar10')}/, ` +
        'or set MU_DATA_PATH to a folder that holds cifar10/',
    );
    // fetch() refuses port 9 (discard) outright; still one line.
    const refused = await fetchCifar10(join(tmp, 'offline'), { url: 'http://127.0.0.1:9/x.tar.gz' }).then(() => null, (e: Error) => e);
    expect(refused?.message).toMatch(/^fetch-data: cannot download http:\/\/127\.0\.0\.1:9\/x\.tar\.gz \(bad port\); network unreachable\? Place [^\n]*$/);
    expect(existsSync(join(tmp, 'offline'))).toBe(false);
  });

  it('gives up after the connect timeout when nothing answers', async () => {
    const error = await fetchCifar10(join(tmp, 'hang'), { url: `${base}/hang`, connectTimeoutMs: 300 }).then(() => null, (e: Error) => e);
    expect(error?.message).toMatch(/^fetch-data: cannot download .*\/hang \(no answer within 0\.3 s\); network unreachable\?/);
  });

  it('downloads, checks the md5 and extracts the six .bin files', async () => {
    const target = join(tmp, 'ok');
    const progress: number[] = [];
    const result = await fetchCifar10(target, { url: `${base}/cifar-10-binary.tar.gz`, md5, onProgress: (n) => progress.push(n) });
    expect(result).toEqual({ dir: join(target, 'cifar10'), files: names.map((n) => join(target, 'cifar10', n)), downloaded: true });
    names.forEach((name, k) => expect(new Uint8Array(readFileSync(join(target, 'cifar10', name)))).toEqual(contents[k]));
    expect(existsSync(join(target, 'cifar10', 'batches.meta.txt'))).toBe(false);
    expect(progress.at(-1)).toBe(archive.length);
    // Already there: nothing is downloaded again.
    expect((await fetchCifar10(target, { url: 'http://127.0.0.1:9/x', md5 })).downloaded).toBe(false);
  });

  it('refuses an archive whose md5 is wrong, writing nothing', async () => {
    const target = join(tmp, 'bad-md5');
    await expect(installCifar10Archive(archive, target)).rejects.toThrow(
      `fetch-data: cifar-10-binary.tar.gz has md5 ${md5}, expected c32a1d4ab5d03f1284b67883e8d87530 (corrupt or incomplete download; try again)`,
    );
    expect(existsSync(join(target, 'cifar10'))).toBe(false);
  });

  it('names a file the archive lacks or one that is not whole records', async () => {
    const partial = gzipSync(writeTar([{ name: 'cifar-10-batches-bin/data_batch_1.bin', data: contents[0] }]));
    const sum = (b: Uint8Array) => createHash('md5').update(b).digest('hex');
    await expect(installCifar10Archive(partial, join(tmp, 'partial'), sum(partial))).rejects.toThrow(
      'fetch-data: cifar-10-binary.tar.gz holds no data_batch_2.bin',
    );
    const ragged = gzipSync(writeTar(names.map((name) => ({ name, data: new Uint8Array(100) }))));
    await expect(installCifar10Archive(ragged, join(tmp, 'ragged'), sum(ragged))).rejects.toThrow(
      'fetch-data: data_batch_1.bin in cifar-10-binary.tar.gz has 100 bytes (not whole 3073-byte records)',
    );
  });
});
