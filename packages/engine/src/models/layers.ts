import * as tf from '@tensorflow/tfjs';
import { batchNormTraining } from './batchNormTraining.js';
import type { ForwardOptions, TensorSpec, Weights } from './network.js';

/** PyTorch batch-norm semantics: running = 0.9·running + 0.1·batch, eps 1e-5 (methods.md §1.4). */
export const BN_MOMENTUM = 0.1;
export const BN_EPSILON = 1e-5;

/** Collects the tensor specs of a network in declaration order (the order weights are drawn in). */
export class TensorList {
  readonly specs: TensorSpec[] = [];

  conv(name: string, k: number, cin: number, cout: number, init: 'he-fan-out' | 'uniform-fan-in'): void {
    this.specs.push({
      name: `${name}.weight`,
      shape: [k, k, cin, cout],
      init: init === 'he-fan-out' ? { kind: 'he-normal-fan-out', fanOut: k * k * cout } : { kind: 'uniform-fan-in', fanIn: k * k * cin },
      trainable: true,
    });
  }

  batchNorm(name: string, channels: number): void {
    const constant = (value: number) => ({ kind: 'constant', value }) as const;
    this.specs.push(
      { name: `${name}.weight`, shape: [channels], init: constant(1), trainable: true },
      { name: `${name}.bias`, shape: [channels], init: constant(0), trainable: true },
      { name: `${name}.running_mean`, shape: [channels], init: constant(0), trainable: false },
      { name: `${name}.running_var`, shape: [channels], init: constant(1), trainable: false },
    );
  }

  dense(name: string, inputs: number, outputs: number): void {
    const init = { kind: 'uniform-fan-in', fanIn: inputs } as const;
    this.specs.push(
      { name: `${name}.weight`, shape: [inputs, outputs], init, trainable: true },
      { name: `${name}.bias`, shape: [outputs], init, trainable: true },
    );
  }
}

function weight(weights: Weights, name: string): tf.Tensor1D {
  const w = weights.get(name);
  if (!w) throw new Error(`missing weight: ${name}`);
  return w as unknown as tf.Tensor1D;
}

/**
 * Convolution without bias, padded as PyTorch pads: symmetric `k // 2` on every side.
 * TF's 'same' pads bottom/right only for stride 2 on even inputs, so stride > 1 uses explicit pads.
 */
export function conv(weights: Weights, name: string, x: tf.Tensor4D, stride: number): tf.Tensor4D {
  const w = weights.get(`${name}.weight`) as unknown as tf.Tensor4D;
  return tf.conv2d(x, w, stride, convPadding(w.shape[0], stride));
}

type Padding = 'same' | 'valid' | [[0, 0], [number, number], [number, number], [0, 0]];

function convPadding(k: number, stride: number): Padding {
  const p = Math.floor(k / 2);
  return p === 0 ? 'valid' : stride === 1 ? 'same' : [[0, 0], [p, p], [p, p], [0, 0]];
}

/** Batch norm over N·H·W; in training mode also updates the running statistics (unbiased variance). */
export function batchNorm(weights: Weights, name: string, x: tf.Tensor4D, options: ForwardOptions): tf.Tensor4D {
  const gamma = weight(weights, `${name}.weight`);
  const beta = weight(weights, `${name}.bias`);
  const runningMean = weights.get(`${name}.running_mean`)!;
  const runningVar = weights.get(`${name}.running_var`)!;
  if (!options.training) {
    return tf.batchNorm4d(x, runningMean as unknown as tf.Tensor1D, runningVar as unknown as tf.Tensor1D, beta, gamma, BN_EPSILON);
  }
  const n = x.shape[0] * x.shape[1] * x.shape[2];
  return batchNormTraining(x, gamma, beta, BN_EPSILON, (mean, variance) => {
    // Not on the loss path, so backprop never visits these ops.
    tf.tidy(() => {
      runningMean.assign(runningMean.mul(1 - BN_MOMENTUM).add(mean.mul(BN_MOMENTUM)));
      runningVar.assign(runningVar.mul(1 - BN_MOMENTUM).add(variance.mul(BN_MOMENTUM * (n / Math.max(n - 1, 1)))));
    });
  });
}

/**
 * conv → batch norm → optional ReLU. In inference mode the batch norm is folded into the
 * convolution (w·γ/√(σ²+ε), bias β − μ·γ/√(σ²+ε)) and run as one fused conv with bias and
 * activation: the same function, a third of the passes over the activation.
 */
export function convBn(
  weights: Weights,
  convName: string,
  bnName: string,
  x: tf.Tensor4D,
  stride: number,
  activation: 'relu' | 'linear',
  options: ForwardOptions,
): tf.Tensor4D {
  if (options.training) {
    const y = batchNorm(weights, bnName, conv(weights, convName, x, stride), options);
    return activation === 'relu' ? tf.relu(y) : y;
  }
  const w = weights.get(`${convName}.weight`) as unknown as tf.Tensor4D;
  const scale = tf.mul(weight(weights, `${bnName}.weight`), tf.rsqrt(tf.add(weight(weights, `${bnName}.running_var`), BN_EPSILON)));
  const bias = tf.sub(weight(weights, `${bnName}.bias`), tf.mul(weight(weights, `${bnName}.running_mean`), scale));
  return tf.fused.conv2d({ x, filter: tf.mul(w, scale) as tf.Tensor4D, strides: stride, pad: convPadding(w.shape[0], stride), bias, activation });
}

export function dense(weights: Weights, name: string, x: tf.Tensor2D): tf.Tensor2D {
  return tf.add(tf.matMul(x, weights.get(`${name}.weight`) as unknown as tf.Tensor2D), weight(weights, `${name}.bias`));
}

/** Records a named activation if the caller asked for it. */
export function collect(options: ForwardOptions, activations: Map<string, tf.Tensor>, name: string, t: tf.Tensor): void {
  if (options.collect?.includes(name)) activations.set(name, t);
}
