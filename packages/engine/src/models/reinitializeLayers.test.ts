import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../random.js';
import { setUpBackend } from '../methods/methodTestKit.js';
import { Model } from './model.js';
import { layerGroups, reinitializeLastLayers } from './reinitializeLayers.js';

beforeAll(setUpBackend);

describe('layerGroups', () => {
  it('counts ResNet-18 as the reference does: stem, eight blocks, fc', () => {
    const model = Model.create({ architecture: 'resnet18-w8', inputChannels: 3, numClasses: 10 }, createRng(1));
    expect(layerGroups(model)).toEqual(['conv1', 'layer1.0', 'layer1.1', 'layer2.0', 'layer2.1', 'layer3.0', 'layer3.1', 'layer4.0', 'layer4.1', 'fc']);
    model.dispose();
  });
});

describe('reinitializeLastLayers', () => {
  it('resets only the last k groups, as PyTorch reset_parameters does', async () => {
    const model = Model.create({ architecture: 'resnet18-w8', inputChannels: 3, numClasses: 10 }, createRng(1));
    // Move every weight away from its initial value, so that a reset is visible.
    for (const v of model.weights.values()) v.assign(v.add(0.5));
    const before = new Map(await Promise.all([...model.weights].map(async ([n, v]) => [n, (await v.data()) as Float32Array] as const)));
    expect(reinitializeLastLayers(model, 3, createRng(9))).toEqual(['layer4.0', 'layer4.1', 'fc']);
    for (const [name, v] of model.weights) {
      const after = (await v.data()) as Float32Array;
      const reset = /^(layer4\.|fc\.)/.test(name);
      if (!reset) {
        expect(after, name).toEqual(before.get(name));
        continue;
      }
      if (/\.(bn\d|downsample\.1)\.(weight|running_var)$/.test(name)) expect([...new Set(after)], name).toEqual([1]);
      else if (/\.(bn\d|downsample\.1)\.(bias|running_mean)$/.test(name)) expect([...new Set(after)], name).toEqual([0]);
      else {
        const shape = v.shape;
        const fanIn = name === 'fc.bias' ? 64 : shape.slice(0, -1).reduce((a, b) => a * b, 1);
        const max = Math.max(...after.map(Math.abs));
        expect(max, name).toBeLessThanOrEqual(1 / Math.sqrt(fanIn));
        expect(max, name).toBeGreaterThan(0.5 / Math.sqrt(fanIn));
      }
    }
    model.dispose();
  });

  it('resets nothing for k = 0 and rejects a negative k', () => {
    const model = Model.create({ architecture: 'small-cnn', inputChannels: 3, numClasses: 10 }, createRng(1));
    expect(reinitializeLastLayers(model, 0, createRng(9))).toEqual([]);
    expect(() => reinitializeLastLayers(model, -1, createRng(9))).toThrow('invalid layer-group count: -1');
    model.dispose();
  });
});
