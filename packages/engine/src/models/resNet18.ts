import * as tf from '@tensorflow/tfjs';
import { TensorList, batchNorm, collect, conv, convBn, dense } from './layers.js';
import type { ForwardOptions, NetworkDefinition, Weights } from './network.js';

const RESNET_LAYERS = [
  'conv1',
  'layer1.0', 'layer1.1',
  'layer2.0', 'layer2.1',
  'layer3.0', 'layer3.1',
  'layer4.0', 'layer4.1',
  'fc',
] as const;

/**
 * The CIFAR variant of torchvision's ResNet-18 (methods.md §2): 3×3 stride-1 stem, no max-pool,
 * 4 stages × 2 BasicBlocks, global average pool, linear head. Tensor names follow torchvision's
 * state dict (`layer2.0.downsample.0.weight`), so reference checkpoints map one to one.
 */
export function resNet18(width: number, inputChannels: number, numClasses: number): NetworkDefinition {
  const list = new TensorList();
  list.conv('conv1', 3, inputChannels, width, 'uniform-fan-in');
  list.batchNorm('bn1', width);
  const blocks: { name: string; cin: number; cout: number; stride: number }[] = [];
  let cin = width;
  for (let stage = 1; stage <= 4; stage++) {
    const cout = width * 2 ** (stage - 1);
    for (let i = 0; i < 2; i++) {
      const stride = stage > 1 && i === 0 ? 2 : 1;
      const name = `layer${stage}.${i}`;
      list.conv(`${name}.conv1`, 3, cin, cout, 'he-fan-out');
      list.batchNorm(`${name}.bn1`, cout);
      list.conv(`${name}.conv2`, 3, cout, cout, 'he-fan-out');
      list.batchNorm(`${name}.bn2`, cout);
      if (stride !== 1 || cin !== cout) {
        list.conv(`${name}.downsample.0`, 1, cin, cout, 'he-fan-out');
        list.batchNorm(`${name}.downsample.1`, cout);
      }
      blocks.push({ name, cin, cout, stride });
      cin = cout;
    }
  }
  list.dense('fc', cin, numClasses);

  function forward(weights: Weights, x: tf.Tensor4D, options: ForwardOptions) {
    const activations = new Map<string, tf.Tensor>();
    let h: tf.Tensor4D;
    if (options.collect?.includes('conv1')) {
      const stem = conv(weights, 'conv1', x, 1); // [batch, 32, 32, w], before BN
      collect(options, activations, 'conv1', stem);
      h = tf.relu(batchNorm(weights, 'bn1', stem, options));
    } else {
      h = convBn(weights, 'conv1', 'bn1', x, 1, 'relu', options);
    }
    for (const { name, stride } of blocks) {
      const inner = convBn(weights, `${name}.conv1`, `${name}.bn1`, h, stride, 'relu', options);
      const main = convBn(weights, `${name}.conv2`, `${name}.bn2`, inner, 1, 'linear', options);
      const shortcut = weights.has(`${name}.downsample.0.weight`)
        ? convBn(weights, `${name}.downsample.0`, `${name}.downsample.1`, h, stride, 'linear', options)
        : h;
      h = tf.relu(tf.add(main, shortcut)) as tf.Tensor4D; // [batch, 32/s, 32/s, cout]
      collect(options, activations, name, h);
    }
    const pooled = tf.mean(h, [1, 2]) as tf.Tensor2D; // [batch, 8w]
    collect(options, activations, 'avgpool', pooled);
    const logits = dense(weights, 'fc', pooled); // [batch, C]
    collect(options, activations, 'fc', logits);
    return { logits, activations };
  }

  return { tensors: list.specs, namedLayers: RESNET_LAYERS, featureLayer: 'avgpool', forward };
}
