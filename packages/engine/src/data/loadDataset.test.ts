import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { catalog } from './catalog.js';
import { classCounts, type ImageSet } from './imageSet.js';
import { clearDatasetCache, loadDataset } from './loadDataset.js';
import { readDataFile } from './readDataFile.js';
import { locateDataset } from './searchPath.js';
import { datasetMissing } from '../../test/testData.js';

/** Loads and reports only success or the error, so that a failed expectation never prints pixel arrays. */
const outcome = (id: string, roots: string[]) => loadDataset(id, { roots }).then((d) => `loaded ${d.checksum}`);

/** The shape fields of a set, without its arrays. */
const shape = ({ count, height, width, channels }: ImageSet) => ({ count, height, width, channels });

/** The C channel values of pixel (y, x) of image i. */
function pixel(set: ImageSet, i: number, y: number, x: number): number[] {
  const at = ((i * set.height + y) * set.width + x) * set.channels;
  return [...set.images.subarray(at, at + set.channels)];
}

// Expected values below were read from the files with `zcat … | od -A d -t u1 -j OFFSET -N n`
// and the checksums with `(zcat f1.gz; zcat f2.gz; …) | sha256sum`.

describe.skipIf(datasetMissing('cifar10-mini'))('loadDataset: cifar10-mini', () => {
  it('reads 5,000 / 1,000 images, 500 / 100 a class, in file order', async () => {
    const { train, test, checksum, descriptor } = await loadDataset('cifar10-mini');
    expect(descriptor).toBe(catalog['cifar10-mini']);
    expect(shape(train)).toEqual({ count: 5_000, height: 32, width: 32, channels: 3 });
    expect(test.count).toBe(1_000);
    expect(train.images.length).toBe(5_000 * 3072);
    expect(classCounts(train.labels, 10)).toEqual(new Array(10).fill(500));
    expect(classCounts(test.labels, 10)).toEqual(new Array(10).fill(100));
    expect([...train.labels.subarray(0, 10)]).toEqual([6, 9, 9, 4, 1, 1, 2, 7, 8, 3]);
    expect(test.labels[0]).toBe(3);
    expect(pixel(train, 0, 0, 0)).toEqual([59, 62, 63]);
    expect(pixel(test, 0, 0, 0)[0]).toBe(158);
    expect(checksum).toBe('08e2389c13ca02f328a19fe29df007e4358a5ad785a5db8677b87cd815c7d183');
  });

  it('loads each dataset once per process', async () => {
    const a = await loadDataset('cifar10-mini');
    const b = await loadDataset('cifar10-mini');
    expect(b === a).toBe(true);
    clearDatasetCache();
    expect((await loadDataset('cifar10-mini')) === a).toBe(false);
  });

  describe('damaged copies', () => {
    const root = mkdtempSync(join(tmpdir(), 'mu-load-'));
    const dir = join(root, 'cifar10-mini');
    mkdirSync(dir);
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    async function realTest(): Promise<Uint8Array> {
      const { files } = locateDataset('cifar10-mini');
      symlinkSync(files.train[0], join(dir, 'train.bin.gz'));
      return readDataFile('cifar10-mini', files.test[0], catalog['cifar10-mini'].files.test[0]);
    }

    it('names a bad label, a truncated file, and loads once repaired', async () => {
      const good = await realTest();
      const bad = good.slice();
      bad[17 * 3073] = 12;
      writeFileSync(join(dir, 'test.bin'), bad);
      await expect(outcome('cifar10-mini', [root])).rejects.toThrow(
        'cifar10-mini: test.bin: record 17 has label 12 (expected 0..9)',
      );
      rmSync(join(dir, 'test.bin'));
      writeFileSync(join(dir, 'test.bin.gz'), gzipSync(good.subarray(0, 3_072_000)));
      await expect(outcome('cifar10-mini', [root])).rejects.toThrow(
        'cifar10-mini: test.bin.gz is truncated (3,072,000 bytes, expected 3,073,000)',
      );
      writeFileSync(join(dir, 'test.bin.gz'), gzipSync(good));
      // Same bytes, plain or gzipped, same checksum as the shared copy.
      expect(await outcome('cifar10-mini', [root])).toBe(
        'loaded 08e2389c13ca02f328a19fe29df007e4358a5ad785a5db8677b87cd815c7d183',
      );
    });

    it('names a missing file', async () => {
      const empty = join(root, 'empty');
      mkdirSync(join(empty, 'cifar10-mini'), { recursive: true });
      writeFileSync(join(empty, 'cifar10-mini', 'test.bin'), '');
      await expect(outcome('cifar10-mini', [empty])).rejects.toThrow(
        `cifar10-mini: train.bin (or train.bin.gz) not found in ${join(empty, 'cifar10-mini')}`,
      );
    });
  });
});

describe.skipIf(datasetMissing('cifar10'))('loadDataset: cifar10', () => {
  it('reads 50,000 / 10,000 images, 5,000 / 1,000 a class, in the official order', async () => {
    const { train, test, checksum, location, descriptor } = await loadDataset('cifar10');
    // The class names agree with batches.meta.txt where the copy has one.
    const meta = join(location.dir, 'batches.meta.txt');
    if (existsSync(meta)) expect(readFileSync(meta, 'utf8').split('\n').filter(Boolean)).toEqual([...descriptor.classNames]);
    expect(shape(train)).toEqual({ count: 50_000, height: 32, width: 32, channels: 3 });
    expect(test.count).toBe(10_000);
    expect(classCounts(train.labels, 10)).toEqual(new Array(10).fill(5_000));
    expect(classCounts(test.labels, 10)).toEqual(new Array(10).fill(1_000));
    expect([...train.labels.subarray(0, 10)]).toEqual([6, 9, 9, 4, 1, 1, 2, 7, 8, 3]);
    expect([...test.labels.subarray(0, 10)]).toEqual([3, 8, 8, 0, 6, 6, 1, 6, 3, 1]);
    // First records of data_batch_2…5 land at 10,000 · (k − 1).
    expect([10_000, 20_000, 30_000, 40_000].map((i) => train.labels[i])).toEqual([1, 8, 0, 1]);
    expect(pixel(train, 0, 0, 0)).toEqual([59, 62, 63]);
    expect(pixel(train, 0, 0, 1)).toEqual([43, 46, 45]);
    expect(pixel(train, 1, 0, 0)[0]).toBe(154);
    expect(train.labels[49_999]).toBe(1);
    expect(pixel(train, 49_999, 31, 31)).toEqual([163, 163, 161]);
    expect(pixel(test, 2, 5, 7)).toEqual([211, 215, 213]);
    expect(checksum).toBe('013ba16d14ecc4829da62bf2af648ca30f600491ecb3e7f329c827db0dd17522');
  });
});

describe.skipIf(datasetMissing('fashion-mnist'))('loadDataset: fashion-mnist', () => {
  it('reads 60,000 / 10,000 images, 6,000 / 1,000 a class, padded to 32×32×1', async () => {
    const { train, test, checksum } = await loadDataset('fashion-mnist');
    expect(shape(train)).toEqual({ count: 60_000, height: 32, width: 32, channels: 1 });
    expect(test.count).toBe(10_000);
    expect(classCounts(train.labels, 10)).toEqual(new Array(10).fill(6_000));
    expect(classCounts(test.labels, 10)).toEqual(new Array(10).fill(1_000));
    expect([...train.labels.subarray(0, 10)]).toEqual([9, 0, 0, 3, 0, 2, 7, 2, 5, 5]);
    expect([...test.labels.subarray(0, 10)]).toEqual([9, 2, 1, 1, 6, 1, 4, 6, 5, 7]);
    // Source row 14 of train image 0 holds 4 at column 3 and 237 at column 12; padding shifts by 2.
    expect(pixel(train, 0, 16, 5)).toEqual([4]);
    expect(pixel(train, 0, 16, 14)).toEqual([237]);
    // Source row 20, columns 10…13 of the last test image: 57 60 64 57.
    expect([12, 13, 14, 15].map((x) => pixel(test, 9_999, 22, x)[0])).toEqual([57, 60, 64, 57]);
    // The 2-pixel border is black in every image.
    let border = 0;
    for (let i = 0; i < train.count; i++) {
      for (let k = 0; k < 32; k++) {
        for (const [y, x] of [[0, k], [1, k], [30, k], [31, k], [k, 0], [k, 1], [k, 30], [k, 31]]) {
          border += train.images[(i * 32 + y) * 32 + x];
        }
      }
    }
    expect(border).toBe(0);
    expect(checksum).toBe('14410854cf7a289477dcfc7df3f8ec24741e281cdcc425ede0d9a748ca630214');
  });
});
