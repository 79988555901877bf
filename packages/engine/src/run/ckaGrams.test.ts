import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/selectBackend.js';
import { ckaFromGrams } from '../metrics/ckaFromGrams.js';
import { linearCka } from '../metrics/linearCka.js';
import { round } from '../metrics/round.js';
import { Model } from '../models/model.js';
import { createRng } from '../random.js';
import { listGrams } from './ckaGrams.js';
import { ckaDiagonalFromGrams } from './ckaDiagonalFromGrams.js';
import { inferencePass } from './inferencePass.js';
import { testDataset } from './testDataset.js';

describe('CKA from per-batch Gram matrices on the backend', () => {
  const data = testDataset({ train: 5, test: 1 });
  const indices = Array.from({ length: 48 }, (_, i) => i);
  const shape = { architecture: 'small-cnn', inputChannels: 3, numClasses: 10 };
  let a: Model;
  let b: Model;
  let layers: readonly string[];
  beforeAll(async () => {
    await initBackend();
    a = Model.create(shape, createRng(1));
    b = Model.create(shape, createRng(2));
    layers = a.network.namedLayers;
  });

  it('keeps one n × n float32 Gram matrix per layer and batch, and no tensor', async () => {
    const before = tf.memory().numTensors;
    const g = await listGrams(a, data.train, data.descriptor, indices, layers, 16);
    expect(g.sizes).toEqual([16, 16, 16]);
    expect(g.grams).toHaveLength(layers.length);
    expect(g.grams[0][2]).toBeInstanceOf(Float32Array);
    expect(g.grams[0][2]).toHaveLength(256);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('matches linearCka on the activations in float64 (metrics.md §10) to 1e-4 (below the stored 4 decimals), is 1 against itself and symmetric', async () => {
    const ga = await listGrams(a, data.train, data.descriptor, indices, layers, 16);
    const gb = await listGrams(b, data.train, data.descriptor, indices, layers, 16);
    const xa = await inferencePass(a, data.train, data.descriptor, { indices, layers });
    const xb = await inferencePass(b, data.train, data.descriptor, { indices, layers });
    const diagonal = ckaDiagonalFromGrams(ga, gb);
    layers.forEach((name, l) => {
      const expected = linearCka(xa.activations.get(name)!, xb.activations.get(name)!, 16)!;
      const fromGrams = ckaFromGrams(ga.grams[l].map((k, b) => ({ k, l: gb.grams[l][b], n: ga.sizes[b] })))!;
      expect(Math.abs(fromGrams - expected)).toBeLessThan(1e-4);
      expect(diagonal[l]).toBe(round(fromGrams, 4));
    });
    expect(diagonal.some((v) => v! < 0.999)).toBe(true);
    expect(ckaDiagonalFromGrams(ga, ga)).toEqual(layers.map(() => 1));
    expect(ckaDiagonalFromGrams(gb, ga)).toEqual(diagonal);
  });

  it('refuses reference Gram matrices of other batches', async () => {
    const ga = await listGrams(a, data.train, data.descriptor, indices, layers, 16);
    const gb = await listGrams(b, data.train, data.descriptor, indices, layers, 24);
    expect(() => ckaDiagonalFromGrams(ga, gb)).toThrow('invalid CKA reference: 5 layers × batches [24,24] (expected 5 × [16,16,16])');
  });
});
