import * as tf from '@tensorflow/tfjs';
import { TensorList, batchNorm, collect, conv, convBn, dense } from './layers.js';
import type { ForwardOptions, NetworkDefinition, Weights } from './network.js';

const STAGES = [
  { name: 'block1', channels: 32 },
  { name: 'block2', channels: 64 },
  { name: 'block3', channels: 128 },
] as const;

/** Side of the last feature map: 32×32 inputs halved by each stage's max-pool. */
const FINAL_SIDE = 4;

/**
 * A fast CNN for CPU work: three conv(3×3) → BN → ReLU → max-pool(2) stages (32, 64, 128
 * channels), then a linear head on the global average of the last map (`average-pool`, feature
 * layer `avgpool`, 128 features) or on all of it (`flatten`, feature layer `flatten`, 2,048
 * features in PyTorch's channel-major order, so that `fc` maps one-to-one onto `nn.Linear`). About
 * 10 M multiply-adds per 32×32 image, 1/55 of ResNet-18.
 */
export function smallCnn(inputChannels: number, numClasses: number, head: 'average-pool' | 'flatten'): NetworkDefinition {
  const list = new TensorList();
  let cin = inputChannels;
  for (const [i, stage] of STAGES.entries()) {
    list.conv(`${stage.name}.conv`, 3, cin, stage.channels, i === 0 ? 'uniform-fan-in' : 'he-fan-out');
    list.batchNorm(`${stage.name}.bn`, stage.channels);
    cin = stage.channels;
  }
  const featureLayer = head === 'flatten' ? 'flatten' : 'avgpool';
  list.dense('fc', head === 'flatten' ? cin * FINAL_SIDE * FINAL_SIDE : cin, numClasses);

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
    const features = (head === 'flatten' ? tf.reshape(tf.transpose(h, [0, 3, 1, 2]), [h.shape[0], -1]) : tf.mean(h, [1, 2])) as tf.Tensor2D;
    collect(options, activations, featureLayer, features);
    const logits = dense(weights, 'fc', features);
    collect(options, activations, 'fc', logits);
    return { logits, activations };
  }

  return { tensors: list.specs, namedLayers: ['conv1', 'block1', 'block2', 'block3', 'fc'], featureLayer, forward };
}
