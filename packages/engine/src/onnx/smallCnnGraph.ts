import type { OnnxGraph } from './onnxGraph.js';
import { type NamedTensors, bnRelu, conv, convBn, poolAndClassify } from './onnxLayers.js';
import type { NetworkGraph } from './resNet18Graph.js';

/**
 * The inference graph of our small CNN (models/smallCnn.ts) on an NCHW input: three
 * conv → BN → ReLU → max-pool(2) stages, batch norm folded; with `stem`, the first conv's
 * pre-batch-norm output (CKA layer `conv1`) is kept.
 */
export function smallCnnGraph(g: OnnxGraph, tensors: NamedTensors, x: string, stem: boolean): NetworkGraph {
  const layers: NetworkGraph['layers'] = new Map();
  let h = x;
  for (const name of ['block1', 'block2', 'block3']) {
    let a: string;
    if (stem && name === 'block1') {
      const raw = conv(g, tensors, `${name}.conv`, h, 1);
      layers.set('conv1', { value: raw, nchw: true });
      a = bnRelu(g, tensors, `${name}.bn`, raw);
    } else {
      a = convBn(g, tensors, `${name}.conv`, `${name}.bn`, h, 1, true);
    }
    h = g.node('MaxPool', [a], { kernel_shape: [2, 2], strides: [2, 2] });
    layers.set(name, { value: h, nchw: true });
  }
  return { logits: poolAndClassify(g, tensors, h, layers), layers };
}
