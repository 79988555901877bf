import { BN_EPSILON } from '../models/layers.js';
import type { OnnxGraph } from './onnxGraph.js';

/** A network's tensor values by name (`layer1.0.conv1.weight`), with their shapes as in our layout. */
export type NamedTensors = ReadonlyMap<string, { shape: readonly number[]; data: Float32Array }>;

function tensor(tensors: NamedTensors, name: string): { shape: readonly number[]; data: Float32Array } {
  const t = tensors.get(name);
  if (t === undefined) throw new Error(`missing weight: ${name}`);
  return t;
}

/**
 * A conv filter in ONNX's OIHW layout from ours (HWIO, [k, k, cin, cout]), each output channel
 * multiplied by `scale[o]` (batch-norm folding) when given.
 */
export function filterOihw(hwio: Float32Array, shape: readonly number[], scale?: Float64Array): Float32Array {
  const [kh, kw, ci, co] = shape;
  const out = new Float32Array(hwio.length);
  for (let y = 0; y < kh; y++) {
    for (let x = 0; x < kw; x++) {
      for (let i = 0; i < ci; i++) {
        const from = ((y * kw + x) * ci + i) * co;
        for (let o = 0; o < co; o++) out[((o * ci + i) * kh + y) * kw + x] = hwio[from + o] * (scale?.[o] ?? 1);
      }
    }
  }
  return out;
}

/** Inference batch norm as a per-channel affine map: y = x·scale + bias (scale = γ/√(σ²+ε), bias = β − μ·scale). */
export function batchNormAffine(tensors: NamedTensors, bn: string): { scale: Float64Array; bias: Float32Array } {
  const gamma = tensor(tensors, `${bn}.weight`).data;
  const beta = tensor(tensors, `${bn}.bias`).data;
  const mean = tensor(tensors, `${bn}.running_mean`).data;
  const variance = tensor(tensors, `${bn}.running_var`).data;
  const scale = Float64Array.from(gamma, (g, c) => g / Math.sqrt(variance[c] + BN_EPSILON));
  return { scale, bias: Float32Array.from(beta, (b, c) => b - mean[c] * scale[c]) };
}

/** Conv attributes with PyTorch's symmetric `k // 2` padding (as our tfjs forward pads). */
function convAttributes(shape: readonly number[], stride: number): Record<string, number[]> {
  const [kh, kw] = shape;
  const p = Math.floor(kh / 2);
  return { kernel_shape: [kh, kw], strides: [stride, stride], pads: [p, p, p, p] };
}

/** conv → inference batch norm (folded into the conv's filter and bias) → optional ReLU, NCHW. */
export function convBn(g: OnnxGraph, tensors: NamedTensors, conv: string, bn: string, x: string, stride: number, relu: boolean): string {
  const w = tensor(tensors, `${conv}.weight`);
  const { scale, bias } = batchNormAffine(tensors, bn);
  const filter = g.constant(filterOihw(w.data, w.shape, scale), [w.shape[3], w.shape[2], w.shape[0], w.shape[1]]);
  const y = g.node('Conv', [x, filter, g.constant(bias, [bias.length])], convAttributes(w.shape, stride));
  return relu ? g.node('Relu', [y]) : y;
}

/** A conv without bias (the stem's pre-batch-norm output, a CKA layer), NCHW. */
export function conv(g: OnnxGraph, tensors: NamedTensors, conv: string, x: string, stride: number): string {
  const w = tensor(tensors, `${conv}.weight`);
  const filter = g.constant(filterOihw(w.data, w.shape), [w.shape[3], w.shape[2], w.shape[0], w.shape[1]]);
  return g.node('Conv', [x, filter], convAttributes(w.shape, stride));
}

/** Inference batch norm → ReLU on an NCHW value, as one per-channel affine map. */
export function bnRelu(g: OnnxGraph, tensors: NamedTensors, bn: string, x: string): string {
  const { scale, bias } = batchNormAffine(tensors, bn);
  const c = bias.length;
  const y = g.node('Add', [g.node('Mul', [x, g.constant(Float32Array.from(scale), [c, 1, 1])]), g.constant(bias, [c, 1, 1])]);
  return g.node('Relu', [y]);
}

/** Global average pool of an NCHW value → [N, C]. */
export function globalAveragePool(g: OnnxGraph, x: string): string {
  return g.node('Flatten', [g.node('GlobalAveragePool', [x])], { axis: 1 });
}

/**
 * The head both architectures share: global average pool (the feature layer `avgpool`), then the
 * linear layer `fc`; both are recorded in `layers`. Returns the logits.
 */
export function poolAndClassify(g: OnnxGraph, tensors: NamedTensors, x: string, layers: Map<string, { value: string; nchw: boolean }>): string {
  const pooled = globalAveragePool(g, x);
  layers.set('avgpool', { value: pooled, nchw: false });
  const logits = dense(g, tensors, 'fc', pooled);
  layers.set('fc', { value: logits, nchw: false });
  return logits;
}

/** x · W + b with our [inputs, outputs] weight layout. */
export function dense(g: OnnxGraph, tensors: NamedTensors, name: string, x: string): string {
  const w = tensor(tensors, `${name}.weight`);
  const b = tensor(tensors, `${name}.bias`);
  return g.node('Gemm', [x, g.constant(w.data, w.shape), g.constant(b.data, b.shape)]);
}
