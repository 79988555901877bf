import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePng, type DecodedPng } from './helpers/decodePng.js';
import { startTestServer, type TestServer } from './helpers/testServer.js';

// GET /api/datasets/:id/thumbnails: many images as one PNG sprite sheet, 16 tiles per row, each
// tile exactly the image the single-image route serves.
let s: TestServer;
let trainCount: number;
beforeAll(async () => {
  s = await startTestServer();
  trainCount = (await s.get('/api/datasets/cifar10-mini')).body.splits.train;
});
afterAll(() => s?.close());

async function png(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; image: DecodedPng | null }> {
  const r = await fetch(s.url + path, { headers });
  const bytes = new Uint8Array(await r.arrayBuffer());
  return { status: r.status, headers: r.headers, image: r.status === 200 ? decodePng(bytes) : null };
}

/** The w × h × c pixels of the tile at (column, row) of a sheet. */
function tile(sheet: DecodedPng, column: number, row: number, w: number, h: number): Uint8Array {
  const stride = sheet.width * sheet.channels;
  const out = new Uint8Array(w * h * sheet.channels);
  for (let y = 0; y < h; y++) {
    const start = (row * h + y) * stride + column * w * sheet.channels;
    out.set(sheet.pixels.subarray(start, start + w * sheet.channels), y * w * sheet.channels);
  }
  return out;
}

describe('thumbnail sprite route', () => {
  it('puts indices[k] in tile k (column k mod 16, row ⌊k/16⌋) with the single-image pixels', async () => {
    // 18 tiles: two rows, a repeated index, the last index of the split.
    const indices = [3, 0, 41, 7, 7, 100, 12, 5, 9, 63, 64, 2, 11, 200, 150, 99, trainCount - 1, 1];
    const r = await png(`/api/datasets/cifar10-mini/thumbnails?split=train&indices=${indices.join(',')}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('image/png');
    const sheet = r.image!;
    expect([sheet.width, sheet.height, sheet.channels]).toEqual([16 * 32, 2 * 32, 3]);
    for (const [k, index] of indices.entries()) {
      const single = (await png(`/api/datasets/cifar10-mini/images/train/${index}`)).image!;
      expect([single.width, single.height]).toEqual([32, 32]);
      expect(Buffer.from(tile(sheet, k % 16, Math.floor(k / 16), 32, 32)).equals(Buffer.from(single.pixels)), `tile ${k} (image ${index})`).toBe(true);
    }
    // The 14 unused tiles of the last row are black.
    for (let k = indices.length; k < 32; k++) expect(tile(sheet, k % 16, 1, 32, 32).every((v) => v === 0)).toBe(true);
  });

  it('defaults to the train split, and test images differ', async () => {
    const train = (await png('/api/datasets/cifar10-mini/thumbnails?indices=4')).image!;
    const explicit = (await png('/api/datasets/cifar10-mini/thumbnails?split=train&indices=4')).image!;
    const test = (await png('/api/datasets/cifar10-mini/thumbnails?split=test&indices=4')).image!;
    const testSingle = (await png('/api/datasets/cifar10-mini/images/test/4')).image!;
    expect(Buffer.from(train.pixels).equals(Buffer.from(explicit.pixels))).toBe(true);
    expect(Buffer.from(tile(test, 0, 0, 32, 32)).equals(Buffer.from(testSingle.pixels))).toBe(true);
    expect(Buffer.from(train.pixels).equals(Buffer.from(test.pixels))).toBe(false);
  });

  it('is cacheable for good: an ETag per list, immutable, 304 on a match', async () => {
    const a = await fetch(`${s.url}/api/datasets/cifar10-mini/thumbnails?indices=1,2,3`);
    const b = await fetch(`${s.url}/api/datasets/cifar10-mini/thumbnails?indices=1,2,4`);
    const etag = a.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{16}-train-sprite-[0-9a-f]{16}"$/);
    expect(b.headers.get('etag')).not.toBe(etag);
    expect(a.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(a.headers.get('x-sprite-columns')).toBe('16');
    const again = await fetch(`${s.url}/api/datasets/cifar10-mini/thumbnails?indices=1,2,3`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('documents the grid layout in the OpenAPI schema', async () => {
    const doc = (await s.get('/docs/json')).body as { paths: Record<string, { get?: { description?: string } }> };
    const route = Object.entries(doc.paths).find(([p]) => p.endsWith('/thumbnails'));
    expect(route?.[1].get?.description).toMatch(/16 columns: the image indices\[k\] is tile k, at column k mod 16 and row floor\(k \/ 16\)/);
  });

  it.each([
    ['an index past the split', () => `/api/datasets/cifar10-mini/thumbnails?indices=1,${trainCount}`, 404, () => new RegExp(`^image index ${trainCount} is out of range for cifar10-mini train \\(0\\.\\.${trainCount - 1}\\)$`)],
    ['too many indices', () => `/api/datasets/cifar10-mini/thumbnails?indices=${Array.from({ length: 1025 }, (_, i) => i).join(',')}`, 400, () => /^too many indices: 1025 \(at most 1024 per sprite sheet\)$/],
    ['a negative index', () => '/api/datasets/cifar10-mini/thumbnails?indices=1,-2', 400, () => /^querystring\.indices must match pattern/],
    ['a non-numeric index', () => '/api/datasets/cifar10-mini/thumbnails?indices=1,x', 400, () => /^querystring\.indices must match pattern/],
    ['an empty list', () => '/api/datasets/cifar10-mini/thumbnails?indices=', 400, () => /^querystring\.indices must match pattern/],
    ['no list', () => '/api/datasets/cifar10-mini/thumbnails', 400, () => /^querystring is missing indices$/],
    ['an unknown split', () => '/api/datasets/cifar10-mini/thumbnails?split=val&indices=1', 400, () => /^querystring\.split must be one of "train", "test"/],
    ['an unknown dataset', () => '/api/datasets/cifar100/thumbnails?indices=1', 404, () => /^unknown dataset: cifar100 \(expected /],
  ])('%s answers %i naming the problem', async (_name, url, status, message) => {
    const r = await s.get(url());
    expect(r.status).toBe(status);
    expect(r.body.message).toMatch(message());
  });
});
