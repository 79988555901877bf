/**
 * What the throughput benchmarks share: the timed loop, the median, the load average and the
 * training step they time (the trainer's forward, loss and SGD step on data already in memory).
 */
import os from 'node:os';
import * as tf from '@tensorflow/tfjs';
import type { Model } from '../src/models/model.js';
import { crossEntropy } from '../src/train/losses.js';
import type { Sgd } from '../src/train/sgd.js';
import { sgdStep } from '../src/train/sgdStep.js';

export interface Throughput {
  /** Images per wall-clock second. */
  wall: number;
  /** Images per CPU-second of this process (all its threads). */
  cpu: number;
}

/** Runs `step` once untimed, then `steps` times; images per second of those. */
export async function timeSteps(step: () => unknown, images: number, steps: number): Promise<Throughput> {
  await step();
  const start = performance.now();
  const cpu = process.cpuUsage();
  for (let i = 0; i < steps; i++) await step();
  const used = process.cpuUsage(cpu);
  return { wall: (images * steps) / ((performance.now() - start) / 1000), cpu: (images * steps) / ((used.user + used.system) / 1e6) };
}

export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export const loadAverage = (): string => os.loadavg().map((l) => l.toFixed(1)).join(' ');

/** One training step of `model` on (x, y) with learning rate 0.01. */
export async function trainStep(model: Model, sgd: Sgd, x: tf.Tensor4D, y: tf.Tensor1D): Promise<void> {
  await sgdStep(model, sgd, () => crossEntropy(model.forward(x, { training: true }).logits, y), { lr: 0.01 });
}

/** One inference pass of `x`, read back to JavaScript as evaluation does (asynchronously: webgpu has no synchronous read). */
export async function inferStep(model: Model, x: tf.Tensor4D): Promise<void> {
  const logits = model.predict(x);
  await logits.data();
  logits.dispose();
}
