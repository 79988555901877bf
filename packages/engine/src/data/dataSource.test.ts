import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../random.js';
import { augmentImage, drawAugmentation } from './augmentation.js';
import { catalog } from './catalog.js';
import { classSplit } from './classSplit.js';
import { type ArrayBatch, createDataSource, evaluationBatches, type DataBatch } from './dataSource.js';
import type { ImageSet } from './imageSet.js';
import { loadDataset } from './loadDataset.js';
import { normalizationTable } from './normalizationTable.js';
import { datasetMissing } from '../../test/testData.js';

const descriptor = catalog['cifar10-mini'];
const table = normalizationTable(descriptor.normalization);

/** `count` images; image i has every raw value equal to i (plus a gradient, so crops show) and label i mod 10. */
function syntheticSet(count: number): ImageSet {
  const images = new Uint8Array(count * 3072);
  for (let i = 0; i < count; i++) for (let p = 0; p < 3072; p++) images[i * 3072 + p] = (i * 7 + p) % 256;
  return { images, labels: Uint8Array.from({ length: count }, (_, i) => i % 10), count, height: 32, width: 32, channels: 3 };
}

/** Collects the batches as plain arrays and disposes the tensors. */
async function collectArrays(batches: AsyncIterable<ArrayBatch>) {
  const out: { index: number[]; y: number[]; x: Float32Array }[] = [];
  for await (const b of batches) out.push({ index: [...b.index], y: [...b.y], x: b.x });
  return out;
}

async function collect(batches: AsyncIterable<DataBatch>) {
  const out: { index: number[]; y: number[]; x: Float32Array; shape: number[] }[] = [];
  for await (const b of batches) {
    out.push({ index: [...b.index], y: [...(await b.y.data())], x: (await b.x.data()) as Float32Array, shape: b.x.shape });
    expect(b.y.dtype).toBe('int32');
    tf.dispose([b.x, b.y]);
  }
  return out;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('createDataSource', () => {
  const set = syntheticSet(10);

  it('batches in index order without shuffling, keeping the last partial batch (even of size 1)', async () => {
    const source = createDataSource(set, [9, 8, 7, 6, 5, 4, 3, 2, 1], descriptor);
    expect(source.size).toBe(9);
    const batches = await collect(source.batches({ batchSize: 4, shuffle: false }));
    expect(batches.map((b) => b.index)).toEqual([[9, 8, 7, 6], [5, 4, 3, 2], [1]]);
    expect(batches.map((b) => b.shape)).toEqual([[4, 32, 32, 3], [4, 32, 32, 3], [1, 32, 32, 3]]);
    expect(batches[0].y).toEqual([9, 8, 7, 6]);
    // Normalised pixels, NHWC: image 9's first value is raw 63.
    expect(batches[0].x[0]).toBe(table[(9 * 7) % 256]);
    expect(batches[2].x[3072 - 1]).toBe(table[2 * 256 + ((7 + 3071) % 256)]);
  });

  it('visits a fresh Fisher–Yates permutation from the shuffle stream on every iteration', async () => {
    const source = createDataSource(set, range(10), descriptor, { rng: createRng(5) });
    const first = (await collect(source.batches({ batchSize: 5 }))).flatMap((b) => b.index);
    const second = (await collect(source.batches({ batchSize: 5 }))).flatMap((b) => b.index);
    const stream = createRng(5).fork('shuffle');
    expect(first).toEqual([...stream.shuffle(Int32Array.from(range(10)))]);
    expect(second).toEqual([...stream.shuffle(Int32Array.from(range(10)))]);
    expect(second).not.toEqual(first);
    expect([...first].sort((a, b) => a - b)).toEqual(range(10));
  });

  it('gives the same batches for the same seed', async () => {
    const run = async () => {
      const source = createDataSource(set, range(10), descriptor, { rng: createRng(2048) });
      return [
        ...(await collect(source.batches({ batchSize: 4, augment: true }))),
        ...(await collect(source.batches({ batchSize: 4, augment: true }))),
      ];
    };
    const [a, b] = [await run(), await run()];
    expect(a.map((x) => x.index)).toEqual(b.map((x) => x.index));
    a.forEach((batch, i) => expect(batch.x).toEqual(b[i].x));
  });

  it('skips a last batch of one image when shuffling, and keeps a last batch of two', async () => {
    const ten = createDataSource(set, range(10), descriptor, { rng: createRng(1) });
    expect((await collect(ten.batches({ batchSize: 3 }))).map((b) => b.index.length)).toEqual([3, 3, 3]);
    const eleven = createDataSource(syntheticSet(11), range(11), descriptor, { rng: createRng(1) });
    expect((await collect(eleven.batches({ batchSize: 3 }))).map((b) => b.index.length)).toEqual([3, 3, 3, 2]);
    const one = createDataSource(set, [4], descriptor, { rng: createRng(1) });
    expect(await collect(one.batches({ batchSize: 8 }))).toEqual([]);
  });

  it('augments each image with draws from the augment stream, in visiting order', async () => {
    const source = createDataSource(set, range(10), descriptor, { rng: createRng(3) });
    const [batch] = await collect(source.batches({ batchSize: 10, shuffle: false, augment: true }));
    const augment = createRng(3).fork('augment');
    const expected = new Float32Array(10 * 3072);
    for (let i = 0; i < 10; i++) augmentImage(expected, i * 3072, set.images, i * 3072, set, table, drawAugmentation(augment));
    expect(batch.x).toEqual(expected);
  });

  it('accepts shared shuffle and augment streams', async () => {
    const streams = { shuffle: createRng(9), augment: createRng(10) };
    const a = createDataSource(set, range(10), descriptor, { rng: streams });
    const b = createDataSource(set, range(10), descriptor, { rng: streams });
    const orderA = (await collect(a.batches({ batchSize: 10 })))[0].index;
    const orderB = (await collect(b.batches({ batchSize: 10 })))[0].index;
    const expected = createRng(9);
    expect(orderA).toEqual([...expected.shuffle(Int32Array.from(range(10)))]);
    expect(orderB).toEqual([...expected.shuffle(Int32Array.from(range(10)))]);
  });

  it('throws an AbortError at the next batch once the signal fires', async () => {
    const controller = new AbortController();
    const source = createDataSource(set, range(10), descriptor, { rng: createRng(1), signal: controller.signal });
    const seen: number[] = [];
    const run = async () => {
      for await (const b of source.batches({ batchSize: 2 })) {
        seen.push(b.index.length);
        tf.dispose([b.x, b.y]);
        controller.abort();
      }
    };
    await expect(run()).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual([2]);
    await expect(collect(source.batches({ batchSize: 2 }))).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('rejects bad arguments in one line', async () => {
    expect(() => createDataSource(set, [0, 10], descriptor)).toThrow('createDataSource: index 10 out of range (expected 0..9)');
    expect(() => createDataSource(set, [0], catalog['fashion-mnist'])).toThrow(
      'createDataSource: images have 3 channels, fashion-mnist expects 1',
    );
    const source = createDataSource(set, range(10), descriptor);
    await expect(collect(source.batches({ batchSize: 4 }))).rejects.toThrow('createDataSource: shuffle requested but no rng given');
    await expect(collect(source.batches({ batchSize: 4, shuffle: false, augment: true }))).rejects.toThrow(
      'createDataSource: augment requested but no rng given',
    );
    const seeded = createDataSource(set, range(10), descriptor, { rng: createRng(1) });
    await expect(collect(seeded.batches({ batchSize: 1 }))).rejects.toThrow(
      'invalid batchSize: 1 (expected an integer ≥ 2 when shuffling)',
    );
    await expect(collect(seeded.batches({ batchSize: 0, shuffle: false }))).rejects.toThrow(
      'invalid batchSize: 0 (expected an integer ≥ 1)',
    );
  });

  it('leaves no tensors behind once the consumer disposes the batches', async () => {
    const before = tf.memory().numTensors;
    const source = createDataSource(set, range(10), descriptor, { rng: createRng(1) });
    await collect(source.batches({ batchSize: 3, augment: true }));
    // Breaking out early disposes nothing the consumer did not receive.
    for await (const b of source.batches({ batchSize: 3 })) {
      tf.dispose([b.x, b.y]);
      break;
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe.skipIf(datasetMissing('cifar10-mini'))('data sources over cifar10-mini', () => {
  it('a Retrained source without class 3 holds no class-3 image', async () => {
    const { train } = await loadDataset('cifar10-mini');
    const { retain } = classSplit(train.labels, 3);
    const source = createDataSource(train, retain, descriptor, { rng: createRng(2048) });
    expect(source.size).toBe(4_500);
    let seen = 0;
    for await (const { x, y, index } of source.batches({ batchSize: 512, augment: true })) {
      const labels = await y.data();
      expect(labels.includes(3)).toBe(false);
      expect([...labels]).toEqual([...index].map((i) => train.labels[i]));
      seen += index.length;
      tf.dispose([x, y]);
    }
    expect(seen).toBe(4_500);
  });

  it('evaluation batches are unshuffled, unaugmented and of any size', async () => {
    const { test } = await loadDataset('cifar10-mini');
    const batches = await collectArrays(evaluationBatches(test, descriptor, { batchSize: 300 }));
    expect(batches.map((b) => b.index.length)).toEqual([300, 300, 300, 100]);
    expect(batches.flatMap((b) => b.index)).toEqual(range(1_000));
    // Test image 0, pixel (0, 0), red = raw 158.
    expect(batches[0].x[0]).toBe(table[158]);
    const forget = classSplit(test.labels, 3).forget;
    const only = await collectArrays(evaluationBatches(test, descriptor, { batchSize: 1_000, indices: forget }));
    expect(only[0].y.every((label) => label === 3)).toBe(true);
  });
});
