// Test-only helpers for the method suites: a tiny synthetic dataset, contexts, and weight checks.
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../backend/selectBackend.js';
import { catalog } from '../data/catalog.js';
import { classSplit } from '../data/classSplit.js';
import { createDataSource, type BatchOptions, type DataSource } from '../data/dataSource.js';
import type { ImageSet } from '../data/imageSet.js';
import { Model } from '../models/model.js';
import { createRng } from '../random.js';
import { crossEntropy } from '../train/losses.js';
import { trainModel } from '../train/train.js';
import { resolveTrainConfig } from '../train/trainConfig.js';
import { resolveParams } from './resolveParams.js';
import type { MethodProgress, UnlearnContext, UnlearnMethod } from './types.js';
import { createUnlearnContext } from './unlearnContext.js';

export const descriptor = catalog['cifar10-mini'];
export const FORGET_CLASS = 3;
export const shape = { architecture: 'small-cnn', inputChannels: 3, numClasses: 10 };

/** The wasm backend on one thread (the pure-JS cpu backend takes seconds per step). */
export async function setUpBackend(): Promise<void> {
  await initBackend({ backend: 'wasm', threads: 1 });
}

/**
 * `count` 32×32 RGB images, labels i mod 10; each image is its class's random template plus
 * noise, so that a few steps already learn something.
 */
export function syntheticSet(count = 64, seed = 7): ImageSet {
  const rng = createRng(seed);
  const templates = Array.from({ length: 10 }, () => Uint8Array.from({ length: 3072 }, () => rng.int(256)));
  const images = new Uint8Array(count * 3072);
  const labels = Uint8Array.from({ length: count }, (_, i) => i % 10);
  for (let i = 0; i < count; i++) {
    for (let p = 0; p < 3072; p++) images[i * 3072 + p] = Math.round(0.7 * templates[labels[i]][p] + 0.3 * rng.int(256));
  }
  return { images, labels, count, height: 32, width: 32, channels: 3 };
}

export const set = syntheticSet();

/** Forget and retain sources of `set`, sharing the run's shuffle and augment streams (as a run does). */
export function sources(seed = 2048, signal?: AbortSignal): { forget: DataSource; retain: DataSource } {
  const run = createRng(seed);
  const streams = { shuffle: run.fork('shuffle'), augment: run.fork('augment') };
  const { forget, retain } = classSplit(set.labels, FORGET_CLASS);
  return {
    forget: createDataSource(set, forget, descriptor, { rng: streams, signal }),
    retain: createDataSource(set, retain, descriptor, { rng: streams, signal }),
  };
}

/** A data source that records every index it yields. */
export function spy(source: DataSource): DataSource & { visited: number[] } {
  const visited: number[] = [];
  return {
    size: source.size,
    visited,
    async *batches(options: BatchOptions) {
      for await (const batch of source.batches(options)) {
        visited.push(...batch.index);
        yield batch;
      }
    },
  };
}

/** A freshly initialised small CNN (seed 1), or one trained for a few epochs on `set`. */
export async function baseModel(trained = false): Promise<Model> {
  const model = Model.create(shape, createRng(1));
  if (trained) {
    const config = resolveTrainConfig(
      { dataset: 'cifar10-mini', architecture: shape.architecture, epochs: 4, batchSize: 16, lr: 0.05, augment: false, evaluateEachEpoch: false },
      10,
    );
    const all = createDataSource(set, Int32Array.from({ length: set.count }, (_, i) => i), descriptor, { rng: createRng(3) });
    await trainModel(model, { train: all }, config);
  }
  return model;
}

export interface TestRun {
  ctx: UnlearnContext;
  steps: number;
  epochs: { done: number; total: number; loss?: number }[];
  messages: string[];
  forget: DataSource & { visited: number[] };
  retain: DataSource & { visited: number[] };
  /** Disposes the context's model and original. */
  dispose(): void;
}

/** A context for `method` on `set`: a trainable clone of `base`, a frozen clone, spied sources. */
export async function testRun(
  method: UnlearnMethod,
  base: Model,
  params: Record<string, unknown>,
  options: { seed?: number; signal?: AbortSignal; progress?: Partial<MethodProgress> } = {},
): Promise<TestRun> {
  const seed = options.seed ?? 2048;
  const { forget, retain } = sources(seed, options.signal);
  const run: Omit<TestRun, 'ctx' | 'dispose'> = { steps: 0, epochs: [], messages: [], forget: spy(forget), retain: spy(retain) };
  const model = await base.clone();
  const original = await base.clone();
  const ctx = createUnlearnContext({
    model,
    original,
    forget: run.forget,
    retain: run.retain,
    params: resolveParams(method.descriptor, params),
    info: { dataset: descriptor.id, architecture: shape.architecture, numClasses: 10, forgetClass: FORGET_CLASS },
    rng: createRng(seed).fork('method'),
    signal: options.signal,
    progress: {
      step: () => void run.steps++,
      epoch: (done, total, stats) => void run.epochs.push({ done, total, loss: stats?.loss }),
      message: (text) => void run.messages.push(text),
      ...options.progress,
    },
  });
  return Object.assign(run, {
    ctx,
    dispose: () => {
      model.dispose();
      original.dispose();
    },
  });
}

/** Trainable values of a model, flattened per tensor, in declaration order. */
export async function trainableValues(model: Model): Promise<Float32Array[]> {
  return Promise.all(model.trainable.map(async (v) => (await v.data()) as Float32Array));
}

/**
 * The factor w_k / w_0 after k SGD steps whose loss gradient is 0: only weight decay acts, so
 * b ← μ·b + λ·w, w ← w − η·b, linear in w_0 (methods.md §1.5).
 */
export function decayFactor(steps: number, lr: number, momentum = 0.9, weightDecay = 5e-4): number {
  let w = 1;
  let b = 0;
  for (let i = 0; i < steps; i++) {
    b = momentum * b + weightDecay * w;
    w -= lr * b;
  }
  return w;
}

/** Mean CE of `model` in inference mode over a source. */
export async function meanCrossEntropy(model: Model, source: DataSource): Promise<number> {
  let sum = 0;
  let n = 0;
  for await (const { x, y } of source.batches({ batchSize: 64, shuffle: false })) {
    const loss = tf.tidy(() => crossEntropy(model.predict(x), y));
    sum += (await loss.data())[0] * x.shape[0];
    loss.dispose();
    n += x.shape[0];
    tf.dispose([x, y]);
  }
  return sum / n;
}
