import { architectureInfo } from '../models/architectures.js';
import type { ModelShape } from '../models/model.js';
import { OnnxGraph } from './onnxGraph.js';
import type { NamedTensors } from './onnxLayers.js';
import { resNet18Graph } from './resNet18Graph.js';
import { smallCnnGraph } from './smallCnnGraph.js';

/** What an exported graph computes besides the logits (output `logits`, [N, C]). */
export interface OnnxOutputs {
  /** Named layers whose activations are outputs `act:<layer>`, [N, D], flattened per image in NHWC order (as tfjs gives them). */
  activations: readonly string[];
  /** Named layers whose per-batch Gram matrix X·Xᵀ of the flattened activations is an output `gram:<layer>`, [N, N]. */
  grams: readonly string[];
}

/**
 * Writes one of our architectures with its weights as an ONNX model (opset 17) for inference:
 * input `x` is a batch in our NHWC layout [N, H, W, C], transposed once to NCHW (the layout
 * onnxruntime's CPU convolutions run in); batch norm is folded into the convolutions.
 *
 *   const bytes = exportOnnx(model.shape, [32, 32, 3], tensors, { activations: ['avgpool'], grams: [] });
 */
export function exportOnnx(shape: ModelShape, inputShape: readonly number[], tensors: NamedTensors, outputs: OnnxOutputs): Uint8Array {
  const [height, width, channels] = inputShape;
  if (channels !== shape.inputChannels) throw new Error(`${shape.architecture}: input has ${channels} channels, the model ${shape.inputChannels}`);
  const g = new OnnxGraph(shape.architecture);
  const x = g.node('Transpose', [g.input('x', [height, width, channels])], { perm: [0, 3, 1, 2] });
  const stem = [...outputs.activations, ...outputs.grams].includes('conv1');
  const net = architectureInfo(shape.architecture).family === 'resnet18' ? resNet18Graph(g, tensors, x, stem) : smallCnnGraph(g, tensors, x, stem);
  const layer = (name: string) => {
    const l = net.layers.get(name);
    if (l === undefined) throw new Error(`unknown layer: ${name} (not a layer of ${shape.architecture})`);
    return l;
  };
  g.output('logits', net.logits, [shape.numClasses]);
  for (const name of outputs.activations) {
    const { value, nchw } = layer(name);
    g.output(`act:${name}`, nchw ? g.node('Flatten', [g.node('Transpose', [value], { perm: [0, 2, 3, 1] })], { axis: 1 }) : value, [`D:${name}`]);
  }
  for (const name of outputs.grams) {
    const { value, nchw } = layer(name);
    // The Gram matrix does not depend on the order of an image's values: no transpose needed.
    const flat = nchw ? g.node('Flatten', [value], { axis: 1 }) : value;
    g.output(`gram:${name}`, g.node('Gemm', [flat, flat], { transB: 1 }), ['N']);
  }
  return g.encode();
}
