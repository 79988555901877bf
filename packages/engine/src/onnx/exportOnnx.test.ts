import { describe, expect, it } from 'vitest';
import { defineNetwork } from '../models/architectures.js';
import { exportOnnx } from './exportOnnx.js';
import { filterOihw } from './onnxLayers.js';

describe('exportOnnx', () => {
  it('moves a filter from HWIO to OIHW, scaling each output channel', () => {
    // k = 2, cin = 1, cout = 2: value = 10·(y·2 + x) + o
    const hwio = Float32Array.of(0, 1, 10, 11, 20, 21, 30, 31);
    expect([...filterOihw(hwio, [2, 2, 1, 2])]).toEqual([0, 10, 20, 30, 1, 11, 21, 31]);
    expect([...filterOihw(hwio, [2, 2, 1, 2], Float64Array.of(1, -2))]).toEqual([0, 10, 20, 30, -2, -22, -42, -62]);
  });

  const shape = { architecture: 'small-cnn', inputChannels: 3, numClasses: 10 };
  const tensors = new Map(
    defineNetwork('small-cnn', 3, 10).tensors.map((s) => [s.name, { shape: s.shape, data: new Float32Array(s.shape.reduce((a, b) => a * b, 1)).fill(0.5) }]),
  );

  it('writes an ONNX model with the requested outputs', () => {
    const bytes = exportOnnx(shape, [32, 32, 3], tensors, { activations: ['avgpool'], grams: ['conv1'] });
    const text = new TextDecoder('latin1').decode(bytes);
    for (const name of ['logits', 'act:avgpool', 'gram:conv1', 'unlearning-comparator']) expect(text).toContain(name);
    expect(text).not.toContain('act:block1');
  });

  it('refuses unknown layers, missing weights and a wrong input', () => {
    expect(() => exportOnnx(shape, [32, 32, 3], tensors, { activations: ['layer4.1'], grams: [] })).toThrow(
      'unknown layer: layer4.1 (not a layer of small-cnn)',
    );
    const partial = new Map(tensors);
    partial.delete('block2.bn.running_var');
    expect(() => exportOnnx(shape, [32, 32, 3], partial, { activations: [], grams: [] })).toThrow('missing weight: block2.bn.running_var');
    expect(() => exportOnnx(shape, [28, 28, 1], tensors, { activations: [], grams: [] })).toThrow('small-cnn: input has 1 channels, the model 3');
  });
});
