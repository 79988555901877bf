import { createHash } from 'node:crypto';
import { describeDataset, imageSize } from '@mu/engine';
import { notFound } from '../http/apiError.js';
import { knownDataset, type DatasetStatus } from '../datasets/datasetStatus.js';
import { encodePng } from './encodePng.js';
import { spriteSheet } from './spriteSheet.js';

export interface DatasetImage {
  png: Buffer;
  etag: string;
}

type Split = 'train' | 'test';

/**
 * Dataset images as PNG by split and index, single or as a sprite sheet, for the embedding and
 * attack views. The dataset is read and checked once (`DatasetStatus`); encoded PNGs are kept in
 * bounded caches, and a request for an image already being encoded shares that work. ETags
 * derive from the dataset checksum, so they change only with the data.
 */
export class DatasetImages {
  private readonly cache = new Map<string, Promise<DatasetImage>>();
  private readonly sprites = new Map<string, Promise<DatasetImage>>();

  constructor(
    private readonly status: DatasetStatus,
    private readonly capacity = 4096,
    private readonly spriteCapacity = 32,
  ) {}

  get(datasetId: string, split: Split, index: number): Promise<DatasetImage> {
    checkRange(datasetId, split, [index]);
    return remember(this.cache, this.capacity, `${datasetId}/${split}/${index}`, async () => {
      const data = await this.status.load(datasetId);
      const set = data[split];
      const size = imageSize(set);
      const png = await encodePng(set.width, set.height, set.channels as 1 | 3, set.images.subarray(index * size, (index + 1) * size));
      return { png, etag: `"${data.checksum.slice(0, 16)}-${split}-${index}"` };
    });
  }

  /** The images at `indices` as one PNG laid out by `spriteSheet`. */
  sprite(datasetId: string, split: Split, indices: readonly number[]): Promise<DatasetImage> {
    checkRange(datasetId, split, indices);
    const list = indices.join(',');
    return remember(this.sprites, this.spriteCapacity, `${datasetId}/${split}/${list}`, async () => {
      const data = await this.status.load(datasetId);
      const set = data[split];
      const sheet = spriteSheet(set, indices);
      const png = await encodePng(sheet.width, sheet.height, set.channels as 1 | 3, sheet.pixels);
      const digest = createHash('sha256').update(list).digest('hex').slice(0, 16);
      return { png, etag: `"${data.checksum.slice(0, 16)}-${split}-sprite-${digest}"` };
    });
  }
}

function checkRange(datasetId: string, split: Split, indices: readonly number[]): void {
  const count = describeDataset(knownDataset(datasetId)).splits[split];
  const bad = indices.find((i) => i >= count);
  if (bad !== undefined) throw notFound(`image index ${bad} is out of range for ${datasetId} ${split} (0..${count - 1})`);
}

/** The cached (or in-flight) image for `key`, else `make()`'s, kept unless it fails. */
function remember(cache: Map<string, Promise<DatasetImage>>, capacity: number, key: string, make: () => Promise<DatasetImage>): Promise<DatasetImage> {
  const cached = cache.get(key);
  if (cached) return cached;
  if (cache.size >= capacity) cache.delete(cache.keys().next().value!);
  const image = make();
  cache.set(key, image);
  image.catch(() => cache.delete(key));
  return image;
}
