import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DataBatch } from '../data/dataSource.js';
import { createRng } from '../random.js';
import { FORGET_CLASS, setUpBackend, sources } from './methodTestKit.js';
import { mixSources } from './mixSources.js';

async function collect(batches: AsyncIterable<DataBatch>) {
  const out: { index: number[]; y: number[] }[] = [];
  for await (const b of batches) {
    expect(b.x.shape[0]).toBe(b.index.length);
    out.push({ index: [...b.index], y: [...(await b.y.data())] });
    tf.dispose([b.x, b.y]);
  }
  return out;
}

beforeAll(setUpBackend);

describe('mixSources', () => {
  it('visits retain ∪ forget once per pass, shuffled together, in full batches but the last', async () => {
    const { forget, retain } = sources();
    const all = mixSources([retain, forget], createRng(1));
    expect(all.size).toBe(64);
    const tensors = tf.memory().numTensors;
    const first = await collect(all.batches({ batchSize: 10 }));
    const second = await collect(all.batches({ batchSize: 10 }));
    expect(tf.memory().numTensors).toBe(tensors);
    for (const pass of [first, second]) {
      expect(pass.map((b) => b.index.length)).toEqual([10, 10, 10, 10, 10, 10, 4]);
      expect(pass.flatMap((b) => b.index).sort((a, b) => a - b)).toEqual(Array.from({ length: 64 }, (_, i) => i));
      // labels travel with their images: image i has label i mod 10
      for (const b of pass) expect(b.y).toEqual(b.index.map((i) => i % 10));
    }
    expect(first.flatMap((b) => b.index)).not.toEqual(second.flatMap((b) => b.index));
    // the 7 forget images are spread over the batches, not grouped at one end
    const forgetBatches = new Set(first.flatMap((b, k) => (b.y.includes(FORGET_CLASS) ? [k] : [])));
    expect(forgetBatches.size).toBeGreaterThan(2);
  });

  it('is reproducible from the seeds', async () => {
    const pass = async () => {
      const { forget, retain } = sources(5);
      return collect(mixSources([retain, forget], createRng(9)).batches({ batchSize: 16 }));
    };
    expect(await pass()).toEqual(await pass());
  });

  it('skips a last batch of one image when shuffling, and chains the sources when not', async () => {
    const { forget, retain } = sources();
    const all = mixSources([retain, forget], createRng(1));
    expect((await collect(all.batches({ batchSize: 9 }))).map((b) => b.index.length)).toEqual([9, 9, 9, 9, 9, 9, 9]);
    const plain = await collect(all.batches({ batchSize: 20, shuffle: false }));
    expect(plain.map((b) => b.index.length)).toEqual([20, 20, 20, 4]);
    expect(plain.flatMap((b) => b.index).slice(-7)).toEqual([3, 13, 23, 33, 43, 53, 63]);
  });
});
