import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createRng } from '../random.js';
import { batchNormTraining } from './batchNormTraining.js';
import { Model } from './model.js';

describe('Model', () => {
  it.each([
    ['resnet18', 3, 11_173_962],
    ['resnet18-w32', 3, 2_797_610],
    ['resnet18-w16', 3, 701_466],
    ['resnet18-w8', 3, 176_402],
    ['resnet18-w16', 1, 701_466 - 18 * 16],
  ])('%s with %i input channels has the reference parameter count', (architecture, inputChannels, count) => {
    const model = Model.create({ architecture, inputChannels, numClasses: 10 }, createRng(1));
    expect(model.paramCount).toBe(count);
    model.dispose();
  });

  it('exposes the 10 CKA layers and the avgpool features from one forward pass', () => {
    const model = Model.create({ architecture: 'resnet18-w8', inputChannels: 3, numClasses: 10 }, createRng(1));
    const layers = [...model.network.namedLayers, model.network.featureLayer];
    tf.tidy(() => {
      const { logits, activations } = model.forward(tf.zeros([2, 32, 32, 3]), { training: false, collect: layers });
      expect(logits.shape).toEqual([2, 10]);
      expect(activations.get('conv1')!.shape).toEqual([2, 32, 32, 8]);
      expect(activations.get('layer2.0')!.shape).toEqual([2, 16, 16, 16]);
      expect(activations.get('layer4.1')!.shape).toEqual([2, 4, 4, 64]);
      expect(activations.get('avgpool')!.shape).toEqual([2, 64]);
      expect(activations.get('fc')).toBe(logits);
      expect(model.network.namedLayers).toHaveLength(10);
    });
    model.dispose();
  });

  it('small CNN maps 32×32 inputs to logits and exposes its named layers', () => {
    const model = Model.create({ architecture: 'small-cnn', inputChannels: 1, numClasses: 10 }, createRng(1));
    tf.tidy(() => {
      const { logits, activations } = model.forward(tf.zeros([3, 32, 32, 1]), { training: false, collect: ['block3', 'avgpool'] });
      expect(logits.shape).toEqual([3, 10]);
      expect(activations.get('block3')!.shape).toEqual([3, 4, 4, 128]);
      expect(activations.get('avgpool')!.shape).toEqual([3, 128]);
    });
    model.dispose();
  });

  it('draws initial weights from the seed: same seed, same weights; He-normal std for block convs', async () => {
    const shape = { architecture: 'resnet18-w8', inputChannels: 3, numClasses: 10 };
    const a = Model.create(shape, createRng(5));
    const b = Model.create(shape, createRng(5));
    const c = Model.create(shape, createRng(6));
    const [va, vb, vc] = await Promise.all([a.values(), b.values(), c.values()]);
    expect(va).toEqual(vb);
    expect(va[0]).not.toEqual(vc[0]);
    const i = a.tensorSpecs.findIndex((s) => s.name === 'layer3.0.conv2.weight');
    const w = va[i];
    const std = Math.sqrt(w.reduce((s, x) => s + x * x, 0) / w.length);
    expect(std).toBeCloseTo(Math.sqrt(2 / (9 * 32)), 2);
    const fc = va[a.tensorSpecs.findIndex((s) => s.name === 'fc.weight')];
    expect(Math.max(...fc.map(Math.abs))).toBeLessThanOrEqual(1 / Math.sqrt(64));
    [a, b, c].forEach((m) => m.dispose());
  });

  it('updates batch-norm running statistics in training mode with PyTorch semantics', async () => {
    const model = Model.create({ architecture: 'small-cnn', inputChannels: 1, numClasses: 10 }, createRng(1));
    const x = tf.randomNormal([4, 32, 32, 1], 2, 3, 'float32', 1) as tf.Tensor4D;
    const stem = tf.tidy(() => tf.conv2d(x, model.weights.get('block1.conv.weight') as unknown as tf.Tensor4D, 1, 'same'));
    const { mean, variance } = tf.moments(stem, [0, 1, 2]);
    const n = 4 * 32 * 32;
    tf.tidy(() => void model.forward(x, { training: true }));
    const runningMean = await model.weights.get('block1.bn.running_mean')!.data();
    const runningVar = await model.weights.get('block1.bn.running_var')!.data();
    const m = await mean.data();
    const v = await variance.data();
    expect(runningMean[0]).toBeCloseTo(0.1 * m[0], 5);
    expect(runningVar[0]).toBeCloseTo(0.9 + 0.1 * v[0] * (n / (n - 1)), 4);
    tf.dispose([x, stem, mean, variance]);
    model.dispose();
  });

  it('rejects unknown architectures and wrong value counts in one line', () => {
    expect(() => Model.create({ architecture: 'vgg16', inputChannels: 3, numClasses: 10 }, createRng(1))).toThrow(
      'unknown architecture: vgg16 (expected resnet18, resnet18-w32, resnet18-w16, resnet18-w8, small-cnn, small-cnn-flat)',
    );
    expect(() => Model.fromValues({ architecture: 'small-cnn', inputChannels: 3, numClasses: 10 }, [])).toThrow('small-cnn: expected 17 tensors, got 0');
  });
});

describe('batch norm and folding', () => {
  it('training-mode batch norm has the same values and gradients as tfjs autodiff of moments + batchNorm', () => {
    const x = tf.randomNormal([3, 4, 5, 6], 1.5, 2, 'float32', 4) as tf.Tensor4D;
    const gamma = tf.randomUniform([6], 0.5, 1.5, 'float32', 5) as tf.Tensor1D;
    const beta = tf.randomNormal([6], 0, 1, 'float32', 6) as tf.Tensor1D;
    const dy = tf.randomNormal([3, 4, 5, 6], 0, 1, 'float32', 7);
    const reference = (a: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => {
      const { mean, variance } = tf.moments(a, [0, 1, 2]);
      return tf.mul(tf.batchNorm4d(a as tf.Tensor4D, mean as tf.Tensor1D, variance as tf.Tensor1D, b as tf.Tensor1D, g as tf.Tensor1D, 1e-5), dy).sum() as tf.Scalar;
    };
    const ours = (a: tf.Tensor, g: tf.Tensor, b: tf.Tensor) =>
      tf.mul(batchNormTraining(a as tf.Tensor4D, g as tf.Tensor1D, b as tf.Tensor1D, 1e-5, () => {}), dy).sum() as tf.Scalar;
    const expected = tf.grads(reference)([x, gamma, beta]);
    const actual = tf.grads(ours)([x, gamma, beta]);
    expect(Math.abs(reference(x, gamma, beta).dataSync()[0] - ours(x, gamma, beta).dataSync()[0])).toBeLessThan(1e-3);
    expected.forEach((e, i) => {
      const maxErr = tf.max(tf.abs(tf.sub(e, actual[i]))).dataSync()[0];
      expect(maxErr).toBeLessThan(1e-4);
    });
  });

  it('inference with batch norm folded into the convolution equals conv → batch norm → ReLU', async () => {
    const model = Model.create({ architecture: 'resnet18-w8', inputChannels: 3, numClasses: 10 }, createRng(2));
    const x = tf.randomNormal([2, 32, 32, 3], 0, 1, 'float32', 8) as tf.Tensor4D;
    tf.tidy(() => {
      for (let i = 0; i < 3; i++) model.forward(x, { training: true }); // non-trivial running statistics
    });
    const folded = model.predict(x);
    // Collecting conv1 takes the unfolded path for the stem; compare logits of both paths.
    const unfolded = tf.tidy(() => model.forward(x, { training: false, collect: ['conv1'] }).logits);
    const err = tf.max(tf.abs(tf.sub(folded, unfolded))).dataSync()[0];
    expect(err).toBeLessThan(1e-4);
    tf.dispose([x, folded, unfolded]);
    model.dispose();
  });
});

describe('memory', () => {
  it('creating and disposing a model leaves no tensor behind', () => {
    const before = tf.memory().numTensors;
    Model.create({ architecture: 'small-cnn', inputChannels: 3, numClasses: 10 }, createRng(1)).dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
