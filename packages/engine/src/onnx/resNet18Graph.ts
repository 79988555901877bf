import type { OnnxGraph } from './onnxGraph.js';
import { type NamedTensors, bnRelu, conv, convBn, poolAndClassify } from './onnxLayers.js';

/** A network written into a graph: its logits and the value of every named layer. */
export interface NetworkGraph {
  /** [N, C]. */
  logits: string;
  /** Named layers (CKA layers and the feature layer): an NCHW value, or an [N, D] one. */
  layers: Map<string, { value: string; nchw: boolean }>;
}

/**
 * The inference graph of our CIFAR ResNet-18 (models/resNet18.ts) on an NCHW input, batch norm
 * folded into every conv. With `stem`, the stem conv's pre-batch-norm output (CKA layer
 * `conv1`) is kept, so that conv runs unfolded.
 */
export function resNet18Graph(g: OnnxGraph, tensors: NamedTensors, x: string, stem: boolean): NetworkGraph {
  const layers: NetworkGraph['layers'] = new Map();
  let h: string;
  if (stem) {
    const raw = conv(g, tensors, 'conv1', x, 1);
    layers.set('conv1', { value: raw, nchw: true });
    h = bnRelu(g, tensors, 'bn1', raw);
  } else {
    h = convBn(g, tensors, 'conv1', 'bn1', x, 1, true);
  }
  for (let stage = 1; stage <= 4; stage++) {
    for (let i = 0; i < 2; i++) {
      const name = `layer${stage}.${i}`;
      const stride = stage > 1 && i === 0 ? 2 : 1;
      const inner = convBn(g, tensors, `${name}.conv1`, `${name}.bn1`, h, stride, true);
      const main = convBn(g, tensors, `${name}.conv2`, `${name}.bn2`, inner, 1, false);
      const shortcut = tensors.has(`${name}.downsample.0.weight`)
        ? convBn(g, tensors, `${name}.downsample.0`, `${name}.downsample.1`, h, stride, false)
        : h;
      h = g.node('Relu', [g.node('Add', [main, shortcut])]);
      layers.set(name, { value: h, nchw: true });
    }
  }
  return { logits: poolAndClassify(g, tensors, h, layers), layers };
}
