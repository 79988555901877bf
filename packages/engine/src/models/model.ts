import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../random.js';
import { architectureInfo, defineNetwork, type ArchitectureInfo } from './architectures.js';
import type { ForwardOptions, ForwardResult, Initializer, NetworkDefinition, TensorSpec } from './network.js';

export interface ModelShape {
  architecture: string;
  inputChannels: number;
  numClasses: number;
}

/**
 * A network's weights as tf.Variables plus its forward function.
 *
 *   const model = Model.create({architecture: 'resnet18-w16', inputChannels: 3, numClasses: 10}, rng.fork('init'));
 *   const {logits} = model.forward(x, {training: false});
 */
export class Model {
  readonly info: ArchitectureInfo;
  readonly network: NetworkDefinition;
  readonly weights: Map<string, tf.Variable>;

  private constructor(readonly shape: ModelShape, weights: Map<string, tf.Variable>) {
    this.info = architectureInfo(shape.architecture);
    this.network = defineNetwork(shape.architecture, shape.inputChannels, shape.numClasses);
    this.weights = weights;
  }

  /** A freshly initialised model; every value is drawn from `rng` in declaration order. */
  static create(shape: ModelShape, rng: Rng): Model {
    const network = defineNetwork(shape.architecture, shape.inputChannels, shape.numClasses);
    const values = network.tensors.map((spec) => initialValues(spec, rng));
    return Model.fromValues(shape, values);
  }

  /** A model holding the given values, one Float32Array per tensor in declaration order. */
  static fromValues(shape: ModelShape, values: Float32Array[]): Model {
    const network = defineNetwork(shape.architecture, shape.inputChannels, shape.numClasses);
    if (values.length !== network.tensors.length) {
      throw new Error(`${shape.architecture}: expected ${network.tensors.length} tensors, got ${values.length}`);
    }
    const weights = new Map<string, tf.Variable>();
    network.tensors.forEach((spec, i) => {
      const expected = spec.shape.reduce((a, b) => a * b, 1);
      if (values[i].length !== expected) {
        throw new Error(`${spec.name}: expected ${expected} values for shape [${spec.shape}], got ${values[i].length}`);
      }
      const initial = tf.tensor(values[i], spec.shape, 'float32');
      weights.set(spec.name, tf.variable(initial, spec.trainable, `${spec.name}#${nextId++}`));
      initial.dispose();
    });
    return new Model(shape, weights);
  }

  get tensorSpecs(): TensorSpec[] {
    return this.network.tensors;
  }

  /** Trainable variables in declaration order. */
  get trainable(): tf.Variable[] {
    return this.network.tensors.filter((s) => s.trainable).map((s) => this.weights.get(s.name)!);
  }

  get paramCount(): number {
    return this.network.tensors.filter((s) => s.trainable).reduce((n, s) => n + s.shape.reduce((a, b) => a * b, 1), 0);
  }

  forward(x: tf.Tensor4D, options: ForwardOptions): ForwardResult {
    return this.network.forward(this.weights, x, options);
  }

  /** Logits in inference mode, as a kept tensor the caller disposes. */
  predict(x: tf.Tensor4D): tf.Tensor2D {
    return tf.tidy(() => this.forward(x, { training: false }).logits);
  }

  /** Current values of every tensor in declaration order (copies). */
  async values(): Promise<Float32Array[]> {
    return Promise.all(this.network.tensors.map(async (s) => (await this.weights.get(s.name)!.data()) as Float32Array));
  }

  async clone(): Promise<Model> {
    return Model.fromValues(this.shape, await this.values());
  }

  /** Copies another model's values into this one (same architecture). */
  assignFrom(other: Model): void {
    tf.tidy(() => {
      for (const [name, v] of this.weights) v.assign(other.weights.get(name)!);
    });
  }

  dispose(): void {
    for (const v of this.weights.values()) v.dispose();
  }
}

let nextId = 0;

function initialValues(spec: TensorSpec, rng: Rng): Float32Array {
  const n = spec.shape.reduce((a, b) => a * b, 1);
  const out = new Float32Array(n);
  const init: Initializer = spec.init;
  if (init.kind === 'constant') return out.fill(init.value);
  if (init.kind === 'he-normal-fan-out') {
    const std = Math.sqrt(2 / init.fanOut);
    for (let i = 0; i < n; i++) out[i] = rng.normal() * std;
    return out;
  }
  const bound = 1 / Math.sqrt(init.fanIn);
  for (let i = 0; i < n; i++) out[i] = (rng.uniform() * 2 - 1) * bound;
  return out;
}
