import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { describeDataset, type DatasetDescriptor } from './catalog.js';
import { firstPerClass, selectImages } from './firstPerClass.js';
import { concatImageSets, type ImageSet } from './imageSet.js';
import { readCifar10 } from './readCifar10.js';
import { readDataFile } from './readDataFile.js';
import { readIdx } from './readIdx.js';
import { locateDataset, type DatasetLocation, type SearchOptions } from './searchPath.js';

export interface LoadedDataset {
  descriptor: DatasetDescriptor;
  train: ImageSet;
  test: ImageSet;
  /**
   * sha256 (hex) over the uncompressed bytes of every file, in descriptor order (train files,
   * then test files). Uncompressed, so a `.bin` and a `.bin.gz` copy of the same data agree.
   * A subset's hash continues with its rule (`subsetIdentity`), so it never equals its source's.
   */
  checksum: string;
  location: DatasetLocation;
}

const cache = new Map<string, Promise<LoadedDataset>>();

/**
 * Finds a dataset on the search path and reads both splits, once per process: later calls for
 * the same folder return the same arrays (treat them as read-only).
 *
 *   const { train, test, checksum } = await loadDataset('cifar10-mini');
 */
export async function loadDataset(id: string, options: SearchOptions = {}): Promise<LoadedDataset> {
  const location = locateDataset(id, options);
  const key = `${location.id}\0${location.dir}`;
  let loading = cache.get(key);
  if (!loading) {
    loading = readDataset(location);
    cache.set(key, loading);
    // A failed load is not remembered, so fixing the files and retrying works.
    loading.catch(() => cache.delete(key));
  }
  return loading;
}

/** Forgets every loaded dataset (tests; freeing memory). */
export function clearDatasetCache(): void {
  cache.clear();
}

/** Reads, checks and decodes the files of one located dataset (uncached). */
export async function readDataset(location: DatasetLocation): Promise<LoadedDataset> {
  const descriptor = describeDataset(location.id);
  const read = (split: 'train' | 'test') =>
    Promise.all(location.files[split].map((path, i) => readDataFile(descriptor.id, path, descriptor.files[split][i])));
  const [trainBytes, testBytes] = await Promise.all([read('train'), read('test')]);

  const hash = createHash('sha256');
  for (const bytes of [...trainBytes, ...testBytes]) hash.update(bytes);
  if (descriptor.subsetOf) hash.update(subsetIdentity(descriptor));

  const decode = (split: 'train' | 'test', files: Uint8Array[]): ImageSet => {
    const names = location.files[split].map((path) => `${descriptor.id}: ${basename(path)}`);
    const set =
      descriptor.format === 'idx'
        ? readIdx(files[0], files[1], { images: names[0], labels: names[1] }, descriptor.inputShape[0], descriptor.numClasses)
        : concatImageSets(files.map((bytes, i) => readCifar10(bytes, names[i])));
    const source = describeDataset(descriptor.subsetOf ?? descriptor.id);
    if (set.count !== source.splits[split]) {
      throw new Error(`${descriptor.id}: ${split} split has ${set.count} images (expected ${source.splits[split]})`);
    }
    if (!descriptor.subsetOf) return set;
    try {
      return selectImages(set, firstPerClass(set.labels, descriptor.numClasses, descriptor.perClass[split]));
    } catch (error) {
      throw new Error(`${descriptor.id}: ${split} split: ${(error as Error).message}`);
    }
  };

  return {
    descriptor,
    train: decode('train', trainBytes),
    test: decode('test', testBytes),
    checksum: hash.digest('hex'),
    location,
  };
}

/**
 * What a subset adds to its checksum: its id and rule, so results on it are never taken for
 * results on the whole dataset.
 *
 *   subsetIdentity(catalog['fashion-mnist-mini']);
 *   // 'subset fashion-mnist-mini of fashion-mnist: first 500 train, 100 test images per class in file order'
 */
export function subsetIdentity(descriptor: DatasetDescriptor): string {
  const { id, subsetOf, perClass } = descriptor;
  return `subset ${id} of ${subsetOf}: first ${perClass.train} train, ${perClass.test} test images per class in file order`;
}
