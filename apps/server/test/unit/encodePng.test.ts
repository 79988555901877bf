import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodePng } from '../../src/images/encodePng.js';

/** The chunks of a PNG: type, data, and whether the stored CRC (of type and data) matches. */
function chunks(png: Buffer) {
  const out: { type: string; data: Buffer; crcOk: boolean }[] = [];
  for (let o = 8; o < png.length; ) {
    const length = png.readUInt32BE(o);
    const typeAndData = png.subarray(o + 4, o + 8 + length);
    out.push({ type: png.toString('ascii', o + 4, o + 8), data: png.subarray(o + 8, o + 8 + length), crcOk: crc32(typeAndData) === png.readUInt32BE(o + 8 + length) });
    o += 12 + length;
  }
  return out;
}

describe('encodePng', () => {
  it('writes signature, IHDR, IDAT and IEND with the pixels row by row behind filter bytes', async () => {
    const pixels = Uint8Array.from({ length: 2 * 2 * 3 }, (_, i) => i * 10);
    const png = await encodePng(2, 2, 3, pixels);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const [ihdr, idat, iend] = chunks(png);
    expect(ihdr.type).toBe('IHDR');
    expect([ihdr.data.readUInt32BE(0), ihdr.data.readUInt32BE(4), ihdr.data[8], ihdr.data[9]]).toEqual([2, 2, 8, 2]);
    expect(idat.type).toBe('IDAT');
    expect([...inflateSync(idat.data)]).toEqual([0, 0, 10, 20, 30, 40, 50, 0, 60, 70, 80, 90, 100, 110]);
    expect(iend).toMatchObject({ type: 'IEND' });
  });

  it('stores the right CRC in every chunk', async () => {
    for (const png of [await encodePng(1, 1, 1, new Uint8Array([7])), await encodePng(3, 2, 3, Uint8Array.from({ length: 18 }, (_, i) => i * 13))]) {
      const all = chunks(png);
      expect(all.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
      expect(all.map((c) => c.crcOk)).toEqual([true, true, true]);
      // The IEND chunk every PNG ends with has the well-known CRC.
      expect(png.subarray(-4).toString('hex')).toBe('ae426082');
    }
    const corrupt = Buffer.from(await encodePng(1, 1, 1, new Uint8Array([7])));
    corrupt[20] ^= 1;
    expect(chunks(corrupt)[0].crcOk).toBe(false);
  });

  it('uses colour type 0 for grey images and rejects a wrong pixel count', async () => {
    expect(chunks(await encodePng(1, 1, 1, new Uint8Array([255])))[0].data[9]).toBe(0);
    await expect(encodePng(2, 2, 3, new Uint8Array(5))).rejects.toThrow('encodePng: expected 12 bytes, got 5');
  });

  it('compresses off the main thread: the event loop turns while a 1,024-tile sprite sheet is encoded', async () => {
    // 16 × 64 tiles of 32 × 32 RGB, as GET /api/datasets/:id/thumbnails makes them.
    const pixels = Uint8Array.from({ length: 512 * 2048 * 3 }, (_, i) => (i * 2654435761) >>> 24);
    let turned = false;
    const encoding = encodePng(512, 2048, 3, pixels);
    setImmediate(() => {
      turned = true;
    });
    const png = await encoding;
    expect(turned).toBe(true);
    expect(inflateSync(chunks(png)[1].data).length).toBe((512 * 3 + 1) * 2048);
  });
});
