import * as tf from '@tensorflow/tfjs';
import type { BatchOptions, DataBatch, DataSource } from '../data/dataSource.js';
import type { Rng } from '../random.js';
import { disposeTensors } from './trainEpochs.js';

/**
 * Several data sources as one (RL's retain ∪ forget, methods.md §5.3).
 *
 * A shuffled pass is each source's own shuffled pass (its `shuffle` stream), interleaved by a
 * uniformly random pattern drawn from `rng`: every order of the union is equally likely, exactly
 * as with one Fisher–Yates permutation of all the indices. Within a batch the images are grouped
 * by source, which changes neither a mean loss nor the batch-norm statistics. As with any source,
 * a last batch of one image is skipped when shuffling. Unshuffled, the sources come one after
 * another.
 *
 *   const all = mixSources([ctx.retain, ctx.forget], ctx.rng.fork('mix'));
 *   for await (const { x, y } of all.batches({ batchSize: 64 })) { … }
 */
export function mixSources(sources: readonly DataSource[], rng: Rng): DataSource {
  const size = sources.reduce((n, s) => n + s.size, 0);

  async function* batches({ batchSize, shuffle = true, augment = false }: BatchOptions): AsyncGenerator<DataBatch> {
    const queues = sources.map((s) => {
      // A source drops a last batch of one image when shuffling; read it in chunks that leave none.
      let chunk = batchSize;
      while (shuffle && s.size > 1 && s.size % chunk === 1) chunk++;
      return new SampleQueue(s.batches({ batchSize: chunk, shuffle: shuffle && s.size > 1, augment }));
    });
    const remaining = sources.map((s) => s.size);
    try {
      for (let start = 0; start < size; start += batchSize) {
        const n = Math.min(batchSize, size - start);
        if (shuffle && n === 1) break;
        const counts = sources.map(() => 0);
        for (let i = 0; i < n; i++) {
          const source = shuffle ? pickWeighted(remaining, rng) : remaining.findIndex((r) => r > 0);
          counts[source]++;
          remaining[source]--;
        }
        const parts: DataBatch[] = [];
        try {
          for (const [i, count] of counts.entries()) if (count > 0) parts.push(await queues[i].take(count));
        } catch (error) {
          parts.forEach(disposeTensors);
          throw error;
        }
        yield concatBatches(parts);
      }
    } finally {
      for (const queue of queues) await queue.close();
    }
  }

  return { size, batches };
}

/** Index i with probability weights[i] / Σ weights. */
function pickWeighted(weights: readonly number[], rng: Rng): number {
  let r = rng.int(weights.reduce((a, b) => a + b, 0));
  for (const [i, w] of weights.entries()) {
    if (r < w) return i;
    r -= w;
  }
  throw new Error('pickWeighted: no weight left');
}

/** Reads exactly n images at a time from a stream of batches of any size. */
class SampleQueue {
  private readonly iterator: AsyncIterator<DataBatch>;
  private pending: DataBatch | null = null;
  private offset = 0;

  constructor(batches: AsyncIterable<DataBatch>) {
    this.iterator = batches[Symbol.asyncIterator]();
  }

  async take(n: number): Promise<DataBatch> {
    const parts: DataBatch[] = [];
    try {
      while (n > 0) {
        if (!this.pending) {
          const next = await this.iterator.next();
          if (next.done) throw new Error('mixSources: a source yielded fewer images than its size');
          this.pending = next.value;
          this.offset = 0;
        }
        const count = Math.min(n, this.pending.index.length - this.offset);
        parts.push(sliceBatch(this.pending, this.offset, count));
        this.offset += count;
        n -= count;
        if (this.offset === this.pending.index.length) {
          disposeTensors(this.pending);
          this.pending = null;
        }
      }
    } catch (error) {
      parts.forEach(disposeTensors);
      throw error;
    }
    return concatBatches(parts);
  }

  async close(): Promise<void> {
    if (this.pending) disposeTensors(this.pending);
    this.pending = null;
    await this.iterator.return?.();
  }
}

function sliceBatch(batch: DataBatch, start: number, count: number): DataBatch {
  return {
    x: tf.slice(batch.x, [start, 0, 0, 0], [count, -1, -1, -1]), // [count, 32, 32, C]
    y: tf.slice(batch.y, [start], [count]),
    index: batch.index.slice(start, start + count),
  };
}

/** One batch from several; disposes the parts. */
function concatBatches(parts: DataBatch[]): DataBatch {
  if (parts.length === 1) return parts[0];
  const index = new Int32Array(parts.reduce((n, p) => n + p.index.length, 0));
  parts.reduce((offset, p) => (index.set(p.index, offset), offset + p.index.length), 0);
  const batch = { x: tf.concat(parts.map((p) => p.x)), y: tf.concat(parts.map((p) => p.y)), index };
  parts.forEach(disposeTensors);
  return batch;
}
