import type { Model } from '../models/model.js';
import { exportOnnx, type OnnxOutputs } from '../onnx/exportOnnx.js';
import type { OnnxRuntimeModule } from '../onnx/loadOnnxRuntime.js';
import { cachedOnnx, onnxKey } from '../onnx/onnxCache.js';
import { SessionPool } from '../onnx/sessionPool.js';
import type { InferenceRuntime, OutputRequest, PreparedModel } from './inferenceRuntime.js';

/** Bump when exported graphs change, so that cached ones are not reused. */
const EXPORT_VERSION = 1;

/** Sessions kept: an evaluation uses up to two graphs of each of three models. */
const KEPT_SESSIONS = 6;

type Session = Awaited<ReturnType<OnnxRuntimeModule['InferenceSession']['create']>>;

/**
 * The fast inference runtime: each model's current weights exported to an ONNX graph (cached on
 * disk by a hash of the weights, see onnxCache.ts) and run by onnxruntime-node's CPU provider
 * with every graph optimisation and `threads` intra-op threads.
 */
export function onnxInference(ort: OnnxRuntimeModule, threads: number): InferenceRuntime {
  const pool = new SessionPool<Session>(KEPT_SESSIONS);
  const options = { intraOpNumThreads: threads, interOpNumThreads: 1, graphOptimizationLevel: 'all', executionMode: 'sequential' } as const;

  async function prepare(model: Model, inputShape: readonly number[], request: OutputRequest): Promise<PreparedModel> {
    const outputs = graphOutputs(model, request);
    const values = await model.values();
    const key = onnxKey(JSON.stringify({ EXPORT_VERSION, shape: model.shape, inputShape, outputs }), values);
    const { session, done } = await pool.acquire(key, () => {
      const tensors = new Map(model.tensorSpecs.map((spec, i) => [spec.name, { shape: spec.shape, data: values[i] }]));
      const graph = cachedOnnx(key, () => exportOnnx(model.shape, inputShape, tensors, outputs));
      // Two calls: create's overloads take a path or bytes, not their union.
      return typeof graph === 'string' ? ort.InferenceSession.create(graph, options) : ort.InferenceSession.create(graph, options);
    });
    return {
      async run(x, count) {
        const out = await session.run({ x: new ort.Tensor('float32', x, [count, ...inputShape]) });
        const data = (name: string) => out[name].data as Float32Array;
        return {
          logits: data('logits'),
          activations: new Map(request.activations.map((name) => [name, data(`act:${name}`)])),
          grams: new Map(request.grams.map((name) => [name, data(`gram:${name}`)])),
        };
      },
      release: done,
    };
  }

  return { name: 'onnxruntime', version: ort.env.versions.node ?? null, threads, warnings: [], prepare };
}

/**
 * The graph a request runs. onnxruntime computes every output of a graph whatever a run
 * fetches, so Gram matrices get a graph of their own; the other passes share one graph that
 * also gives the (free) penultimate features.
 */
function graphOutputs(model: Model, request: OutputRequest): OnnxOutputs {
  if (request.grams.length > 0) return { activations: request.activations, grams: request.grams };
  return { activations: [...new Set([model.network.featureLayer, ...request.activations])], grams: [] };
}
