import { createHash } from 'node:crypto';
import { describeDataset, imageSize, loadDataset, type LoadedDataset } from '@mu/engine';
import { notFound } from '../http/apiError.js';
import { encodePng } from './encodePng.js';
import { spriteSheet } from './spriteSheet.js';

export interface DatasetImage {
  png: Buffer;
  etag: string;
}

type Split = 'train' | 'test';

/**
 * Dataset images as PNG by split and index, single or as a sprite sheet, for the embedding and
 * attack views. The dataset is read once (the engine caches it); encoded PNGs are kept in bounded
 * caches. ETags derive from the dataset checksum, so they change only with the data.
 */
export class DatasetImages {
  private readonly cache = new Map<string, DatasetImage>();
  private readonly sprites = new Map<string, DatasetImage>();

  constructor(
    private readonly capacity = 4096,
    private readonly spriteCapacity = 32,
  ) {}

  async get(datasetId: string, split: Split, index: number): Promise<DatasetImage> {
    const key = `${datasetId}/${split}/${index}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    checkRange(datasetId, split, [index]);
    const data: LoadedDataset = await loadDataset(datasetId);
    const set = data[split];
    const size = imageSize(set);
    const png = encodePng(set.width, set.height, set.channels as 1 | 3, set.images.subarray(index * size, (index + 1) * size));
    return remember(this.cache, this.capacity, key, { png, etag: `"${data.checksum.slice(0, 16)}-${split}-${index}"` });
  }

  /** The images at `indices` as one PNG laid out by `spriteSheet`. */
  async sprite(datasetId: string, split: Split, indices: readonly number[]): Promise<DatasetImage> {
    const list = indices.join(',');
    const key = `${datasetId}/${split}/${list}`;
    const cached = this.sprites.get(key);
    if (cached) return cached;
    checkRange(datasetId, split, indices);
    const data: LoadedDataset = await loadDataset(datasetId);
    const set = data[split];
    const sheet = spriteSheet(set, indices);
    const png = encodePng(sheet.width, sheet.height, set.channels as 1 | 3, sheet.pixels);
    const digest = createHash('sha256').update(list).digest('hex').slice(0, 16);
    return remember(this.sprites, this.spriteCapacity, key, { png, etag: `"${data.checksum.slice(0, 16)}-${split}-sprite-${digest}"` });
  }
}

function checkRange(datasetId: string, split: Split, indices: readonly number[]): void {
  const count = describeDataset(datasetId).splits[split];
  const bad = indices.find((i) => i >= count);
  if (bad !== undefined) throw notFound(`image index ${bad} is out of range for ${datasetId} ${split} (0..${count - 1})`);
}

function remember(cache: Map<string, DatasetImage>, capacity: number, key: string, image: DatasetImage): DatasetImage {
  if (cache.size >= capacity) cache.delete(cache.keys().next().value!);
  cache.set(key, image);
  return image;
}
