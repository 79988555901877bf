import { describeDataset, imageSize, loadDataset, type LoadedDataset } from '@mu/engine';
import { notFound } from '../http/apiError.js';
import { encodePng } from './encodePng.js';

export interface DatasetImage {
  png: Buffer;
  etag: string;
}

/**
 * Dataset images as PNG by split and index, for the embedding and attack views. The dataset is
 * read once (the engine caches it), encoded images are kept in a bounded cache.
 */
export class DatasetImages {
  private readonly cache = new Map<string, DatasetImage>();

  constructor(private readonly capacity = 4096) {}

  async get(datasetId: string, split: 'train' | 'test', index: number): Promise<DatasetImage> {
    const key = `${datasetId}/${split}/${index}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const descriptor = describeDataset(datasetId);
    const count = descriptor.splits[split];
    if (index >= count) throw notFound(`image index ${index} is out of range for ${datasetId} ${split} (0..${count - 1})`);
    const data: LoadedDataset = await loadDataset(datasetId);
    const set = data[split];
    const size = imageSize(set);
    const png = encodePng(set.width, set.height, set.channels as 1 | 3, set.images.subarray(index * size, (index + 1) * size));
    const image = { png, etag: `"${data.checksum.slice(0, 16)}-${split}-${index}"` };
    if (this.cache.size >= this.capacity) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, image);
    return image;
  }
}
