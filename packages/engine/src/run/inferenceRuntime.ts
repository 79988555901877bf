import { resolveThreads } from '../backend/selectBackend.js';
import type { Model } from '../models/model.js';
import { loadOnnxRuntime } from '../onnx/loadOnnxRuntime.js';
import { onnxInference } from './onnxInference.js';
import { tfjsInference } from './tfjsInference.js';

export const INFERENCE_CHOICES = ['auto', 'onnxruntime', 'tfjs'] as const;

/** What one inference-mode forward pass of a batch returns, copied out of the runtime. */
export interface BatchOutputs {
  /** n × C, row-major. */
  logits: Float32Array;
  /** Per requested layer: n × (values per image), flattened NHWC. */
  activations: Map<string, Float32Array>;
  /** Per requested layer: the n × n Gram matrix X·Xᵀ of the flattened activations. */
  grams: Map<string, Float32Array>;
}

/** What a pass asks of every batch besides the logits. */
export interface OutputRequest {
  activations: readonly string[];
  grams: readonly string[];
}

/** A model made ready for one pass: runs batches of normalised NHWC images. */
export interface PreparedModel {
  run(x: Float32Array, count: number): Promise<BatchOutputs>;
  /** The pass is over (the runtime may free what it prepared). */
  release(): void;
}

/** The engine that runs the evaluation's forward passes. */
export interface InferenceRuntime {
  name: 'onnxruntime' | 'tfjs';
  /** onnxruntime-node's version, or null for tfjs (the backend's version is recorded apart). */
  version: string | null;
  /** Intra-op threads of onnxruntime; null for tfjs (it uses the backend's threads). */
  threads: number | null;
  /** Why onnxruntime is not used, when it was wanted and could not load. */
  warnings: string[];
  /** `inputShape` is one image's [H, W, C]. */
  prepare(model: Model, inputShape: readonly number[], request: OutputRequest): Promise<PreparedModel>;
}

let selected: Promise<InferenceRuntime> | null = null;

/**
 * The one place that picks the inference runtime of the evaluation passes, once per process:
 * onnxruntime-node (our architectures exported to ONNX, 2+ intra-op threads) when it loads,
 * else the tfjs backend. `MU_INFERENCE` = `auto` (default), `onnxruntime` (fail if it cannot
 * load) or `tfjs`; `MU_THREADS` sets onnxruntime's threads (default: available cores).
 *
 *   const runtime = await inferenceRuntime(); // {name: 'onnxruntime', version: '1.30.0', threads: 2, …}
 */
export function inferenceRuntime(): Promise<InferenceRuntime> {
  selected ??= select().catch((error: unknown) => {
    selected = null;
    throw error;
  });
  return selected;
}

async function select(): Promise<InferenceRuntime> {
  const choice = (process.env.MU_INFERENCE || 'auto') as (typeof INFERENCE_CHOICES)[number];
  if (!INFERENCE_CHOICES.includes(choice)) throw new Error(`invalid MU_INFERENCE: ${choice} (expected ${INFERENCE_CHOICES.join(', ')})`);
  if (choice === 'tfjs') return tfjsInference([]);
  const ort = await loadOnnxRuntime();
  if (typeof ort === 'string') {
    if (choice === 'onnxruntime') throw new Error(`onnxruntime is not available: ${ort}`);
    return tfjsInference([`onnxruntime not available, inference runs on tfjs (${ort})`]);
  }
  return onnxInference(ort, resolveThreads(process.env.MU_THREADS));
}
