import { describe, expect, it } from 'vitest';
import { readTar } from './readTar.js';
import { writeTar } from './testTar.js';

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
});
