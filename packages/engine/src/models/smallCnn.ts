import * as tf from '@tensorflow/tfjs';
import { TensorList, batchNorm, collect, conv, convBn, dense } from './layers.js';
import type { ForwardOptions, NetworkDefinition, Weights } from './network.js';

const STAGES = [
  { name: 'block1', channels: 32 },
  { name: 'block2', channels: 64 },
  { name: 'block3', channels: 128 },
] as const;

/**
 * A fast CNN for CPU work: three conv(3×3) → BN → ReLU → max-pool(2) stages (32, 64, 128
 * channels), global average pool, linear head. About 10 M multiply-adds per 32×32 image,
 * 1/55 of ResNet-18.
 */
export function smallCnn(inputChannels: number, numClasses: number): NetworkDefinition {
  const list = new TensorList();
  let cin = inputChannels;
  for (const [i, stage] of STAGES.entries()) {
    list.conv(`${stage.name}.conv`, 3, cin, stage.channels, i === 0 ? 'uniform-fan-in' : 'he-fan-out');
    list.batchNorm(`${stage.name}.bn`, stage.channels);
    cin = stage.channels;
  }
  list.dense('fc', cin, numClasses);

  function forward(weights: Weights, x: tf.Tensor4D, options: ForwardOptions) {
    const activations = new Map<string, tf.Tensor>();
    let h = x;
    for (const stage of STAGES) {
      let a: tf.Tensor4D;
      if (stage.name === 'block1' && options.collect?.includes('conv1')) {
        const c = conv(weights, `${stage.name}.conv`, h, 1); // before BN
        collect(options, activations, 'conv1', c);
        a = tf.relu(batchNorm(weights, `${stage.name}.bn`, c, options));
      } else {
        a = convBn(weights, `${stage.name}.conv`, `${stage.name}.bn`, h, 1, 'relu', options);
      }
      h = tf.maxPool(a, 2, 2, 'valid'); // [batch, H/2, W/2, channels]
      collect(options, activations, stage.name, h);
    }
    const pooled = tf.mean(h, [1, 2]) as tf.Tensor2D; // [batch, 128]
    collect(options, activations, 'avgpool', pooled);
    const logits = dense(weights, 'fc', pooled);
    collect(options, activations, 'fc', logits);
    return { logits, activations };
  }

  return { tensors: list.specs, namedLayers: ['conv1', 'block1', 'block2', 'block3', 'fc'], featureLayer: 'avgpool', forward };
}
