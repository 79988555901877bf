import * as tf from '@tensorflow/tfjs';
import type { Model } from '../models/model.js';
import type { BatchOutputs, InferenceRuntime, OutputRequest, PreparedModel } from './inferenceRuntime.js';

/**
 * The fallback inference runtime: the model's own tfjs forward pass on the active backend;
 * Gram matrices are multiplied on the backend too, so only n × n values per layer leave it.
 */
export function tfjsInference(warnings: string[]): InferenceRuntime {
  return {
    name: 'tfjs',
    version: null,
    threads: null,
    warnings,
    prepare: async (model, inputShape, request) => prepare(model, inputShape, request),
  };
}

function prepare(model: Model, inputShape: readonly number[], request: OutputRequest): PreparedModel {
  const collect = [...new Set([...request.activations, ...request.grams])];
  const [height, width, channels] = inputShape;
  return {
    async run(x, count) {
      // tidy keeps the returned tensors; a collected 'fc' may be the logits tensor itself.
      const [logits, ...outputs] = tf.tidy(() => {
        const out = model.forward(tf.tensor4d(x, [count, height, width, channels]), { training: false, collect });
        const flat = (name: string) => out.activations.get(name)!.reshape([count, -1]) as tf.Tensor2D; // [n, values per image]
        return [
          out.logits,
          ...request.activations.map((name) => out.activations.get(name)!),
          ...request.grams.map((name) => tf.matMul(flat(name), flat(name), false, true)), // [n, n]
        ];
      });
      try {
        const values = (await Promise.all([logits, ...outputs].map((t) => t.data()))) as Float32Array[];
        const na = request.activations.length;
        const result: BatchOutputs = {
          logits: values[0],
          activations: new Map(request.activations.map((name, i) => [name, values[1 + i]])),
          grams: new Map(request.grams.map((name, i) => [name, values[1 + na + i]])),
        };
        return result;
      } finally {
        tf.dispose([logits, ...outputs]);
      }
    },
    release: () => undefined,
  };
}
