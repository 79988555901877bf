import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTar } from './readTar.js';
import { writeTar } from '../../test/writeTar.js';

/** Archives made by GNU tar (test/fixtures/tar/make.sh). */
const gnuTar = (format: string) => new Uint8Array(readFileSync(path.join(import.meta.dirname, '../../test/fixtures/tar', `${format}.tar`)));
const BYTES = Uint8Array.from({ length: 1000 }, (_, i) => i % 256);
const DEEP = `data/${'d'.repeat(60)}/${'e'.repeat(60)}/`;
const LONG = `data/${'n'.repeat(120)}.txt`;

describe('readTar', () => {
  it('reads folders and files with their bytes', () => {
    const data = Uint8Array.from({ length: 1000 }, (_, i) => i % 256);
    const entries = readTar(writeTar([{ name: 'dir/', type: 'directory' }, { name: 'dir/a.bin', data }, { name: 'b.txt', data: new Uint8Array([65]) }]));
    expect(entries.map((e) => [e.name, e.type, e.data.length])).toEqual([
      ['dir/', 'directory', 0],
      ['dir/a.bin', 'file', 1000],
      ['b.txt', 'file', 1],
    ]);
    expect(entries[1].data).toEqual(data);
  });

  it('rejects a damaged header and a cut-off archive', () => {
    const tar = writeTar([{ name: 'a.bin', data: new Uint8Array(600) }]);
    const damaged = tar.slice();
    damaged[10] = 0x41;
    expect(() => readTar(damaged, 'x.tar')).toThrow(/^x\.tar: bad tar header checksum at byte 0 /);
    expect(() => readTar(tar.subarray(0, 700), 'x.tar')).toThrow('x.tar: is truncated (entry at byte 0 needs 600 bytes, 188 left)');
    expect(() => readTar(tar.subarray(0, 1536), 'x.tar')).toThrow('x.tar: is truncated (no end-of-archive marker after 1 entries)');
  });

  it('reads an archive made by GNU tar --format=ustar, joining the prefix field to long paths', () => {
    const entries = readTar(gnuTar('ustar'), 'ustar.tar');
    expect(entries.map((e) => [e.name, e.type, e.data.length])).toEqual([
      ['data/bytes.bin', 'file', 1000],
      ['data/link.bin', 'other', 0],
      [DEEP, 'directory', 0],
      [`${DEEP}nested.txt`, 'file', 6],
    ]);
    expect(entries[0].data).toEqual(BYTES);
    expect(new TextDecoder().decode(entries[3].data)).toBe('hello\n');
  });

  it.each(['pax', 'gnu'])('reads an archive made by GNU tar --format=%s, with a 120-character file name', (format) => {
    const entries = readTar(gnuTar(format), `${format}.tar`);
    expect(entries.map((e) => [e.name, e.type, e.data.length])).toEqual([
      ['data/', 'directory', 0],
      ['data/bytes.bin', 'file', 1000],
      [`data/${'d'.repeat(60)}/`, 'directory', 0],
      [DEEP, 'directory', 0],
      [`${DEEP}nested.txt`, 'file', 6],
      ['data/link.bin', 'other', 0],
      [LONG, 'file', 5],
    ]);
    expect(entries[1].data).toEqual(BYTES);
    expect(new TextDecoder().decode(entries[4].data)).toBe('hello\n');
    expect(new TextDecoder().decode(entries[6].data)).toBe('long\n');
  });
});
