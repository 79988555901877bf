import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../random.js';
import type { Model } from './model.js';
import type { TensorSpec } from './network.js';

/**
 * The layer groups of a model in forward order, as the reference system counts them for
 * `reinit_last_k` (its `layer_utils.py`): the stem (`conv1` with `bn1`), each residual block
 * (`layer1.0` … `layer4.1`), each small-CNN stage, and `fc`.
 *
 *   layerGroups(resnet) // ['conv1', 'layer1.0', 'layer1.1', …, 'layer4.1', 'fc']
 */
export function layerGroups(model: Model): string[] {
  return [...new Set(model.tensorSpecs.map((s) => groupOf(s.name)))];
}

function groupOf(tensorName: string): string {
  const block = /^(layer\d+\.\d+)\./.exec(tensorName);
  if (block) return block[1];
  const first = tensorName.split('.')[0];
  return first === 'bn1' ? 'conv1' : first;
}

/**
 * Re-initialises the last `count` layer groups in place, as PyTorch's `reset_parameters` does
 * (what the reference system's guided methods call): every convolution and linear weight and
 * bias uniform in ±1/sqrt(fan_in), batch norm γ = 1, β = 0, running mean 0 and variance 1.
 * Values are drawn from `rng` in declaration order. Returns the groups it re-initialised.
 *
 *   reinitializeLastLayers(ctx.model, 3, ctx.rng.fork('reinit')) // ['layer4.0', 'layer4.1', 'fc'] on a ResNet-18
 */
export function reinitializeLastLayers(model: Model, count: number, rng: Rng): string[] {
  if (!Number.isInteger(count) || count < 0) throw new Error(`invalid layer-group count: ${count} (expected an integer ≥ 0)`);
  const groups = layerGroups(model);
  const chosen = new Set(groups.slice(Math.max(groups.length - count, 0)));
  for (const spec of model.tensorSpecs) {
    if (!chosen.has(groupOf(spec.name))) continue;
    const values = tf.tensor(resetValues(spec, rng), spec.shape, 'float32');
    model.weights.get(spec.name)!.assign(values);
    values.dispose();
  }
  return [...chosen];
}

function resetValues(spec: TensorSpec, rng: Rng): Float32Array {
  const n = spec.shape.reduce((a, b) => a * b, 1);
  const out = new Float32Array(n);
  if (spec.init.kind === 'constant') return out.fill(spec.init.value);
  // A kernel's fan-in is every dimension but the output one (HWIO conv, [in, out] linear); a bias keeps its layer's.
  const fanIn = spec.init.kind === 'uniform-fan-in' ? spec.init.fanIn : spec.shape.slice(0, -1).reduce((a, b) => a * b, 1);
  const bound = 1 / Math.sqrt(fanIn);
  for (let i = 0; i < n; i++) out[i] = (rng.uniform() * 2 - 1) * bound;
  return out;
}
