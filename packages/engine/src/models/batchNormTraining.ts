import * as tf from '@tensorflow/tfjs';
import { BatchNormTraining } from '../backend/kernels/BatchNormTraining.js';
import { BatchNormTrainingGrad } from '../backend/kernels/BatchNormTrainingGrad.js';

type Stats = (mean: tf.Tensor1D, variance: tf.Tensor1D) => void;

/**
 * Training-mode batch norm over N·H·W with a hand-written gradient. tfjs's autodiff of
 * `moments` + `batchNorm` takes about twice as many full passes over the activation; on the
 * single-threaded elementwise kernels of wasm that was a quarter of a ResNet training step.
 * Where the backend has our fused kernels (wasm), forward and backward are one kernel each
 * (two passes over the activation apiece); elsewhere they are composed of tfjs ops:
 *
 * Forward (6 passes): mean, x − mean, square, mean, ·a, +β with a = γ/√(σ²+ε).
 * Backward (7 passes): dβ = Σdy, dγ = Σ dy·x̂, dx = a·dy + k₁·(x − mean) + k₂ with per-channel
 * k₁ = −a·dγ/(n·√(σ²+ε)), k₂ = −a·dβ/n.
 * `onStats(mean, biasedVariance)` receives the batch statistics (for the running averages).
 */
export function batchNormTraining(
  x: tf.Tensor4D,
  gamma: tf.Tensor1D,
  beta: tf.Tensor1D,
  epsilon: number,
  onStats: Stats,
): tf.Tensor4D {
  const fused = tf.getKernel(BatchNormTraining, tf.getBackend()) != null;
  return (fused ? withKernels : composed)(x, gamma, beta, epsilon, onStats);
}

function withKernels(x: tf.Tensor4D, gamma: tf.Tensor1D, beta: tf.Tensor1D, epsilon: number, onStats: Stats): tf.Tensor4D {
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [input, gammaIn, betaIn] = args as [tf.Tensor4D, tf.Tensor1D, tf.Tensor1D];
    const save = args[3] as tf.GradSaveFunc;
    const attrs = { epsilon };
    const [value, mean, variance] = tf.engine().runKernel(BatchNormTraining, { x: input, gamma: gammaIn, beta: betaIn }, attrs as never) as tf.Tensor[];
    onStats(mean as tf.Tensor1D, variance as tf.Tensor1D);
    save([input, mean, variance, gammaIn]);
    const gradFunc = (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [xs, m, v, g] = saved;
      return tf.engine().runKernel(BatchNormTrainingGrad, { dy, x: xs, mean: m, variance: v, gamma: g }, attrs as never) as tf.Tensor[];
    };
    return { value: value as tf.Tensor4D, gradFunc };
  });
  return op(x, gamma, beta) as tf.Tensor4D;
}

function composed(x: tf.Tensor4D, gamma: tf.Tensor1D, beta: tf.Tensor1D, epsilon: number, onStats: Stats): tf.Tensor4D {
  const n = x.shape[0] * x.shape[1] * x.shape[2];
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [input, gammaIn, betaIn] = args as [tf.Tensor4D, tf.Tensor1D, tf.Tensor1D];
    const save = args[3] as tf.GradSaveFunc;
    const mean = tf.mean(input, [0, 1, 2]) as tf.Tensor1D;
    const centred = tf.sub(input, mean) as tf.Tensor4D; // [batch, H, W, C]
    const variance = tf.mean(tf.square(centred), [0, 1, 2]) as tf.Tensor1D;
    onStats(mean, variance);
    const rstd = tf.rsqrt(tf.add(variance, epsilon)) as tf.Tensor1D;
    const scale = tf.mul(gammaIn, rstd) as tf.Tensor1D;
    save([centred, rstd, scale]);
    const value = tf.add(tf.mul(centred, scale), betaIn) as tf.Tensor4D;
    const gradFunc = (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [xc, r, a] = saved as [tf.Tensor4D, tf.Tensor1D, tf.Tensor1D];
      const dBeta = tf.sum(dy, [0, 1, 2]);
      const dyXc = tf.sum(tf.mul(dy, xc), [0, 1, 2]);
      const dGamma = tf.mul(dyXc, r);
      const k1 = tf.mul(tf.mul(a, tf.mul(dGamma, r)), -1 / n);
      const k2 = tf.mul(a, tf.mul(dBeta, -1 / n));
      const dx = tf.add(tf.add(tf.mul(dy, a), tf.mul(xc, k1)), k2);
      return [dx, dGamma, dBeta];
    };
    return { value, gradFunc };
  });
  return op(x, gamma, beta) as tf.Tensor4D;
}
