import * as tf from '@tensorflow/tfjs';
import { TensorList, batchNorm, collect, conv, dense } from './layers.js';
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
    const stem = conv(weights, 'conv1', x, 1); // [batch, 32, 32, w]
    collect(options, activations, 'conv1', stem);
    let h = tf.relu(batchNorm(weights, 'bn1', stem, options));
    for (const block of blocks) {
      const main = batchNorm(
        weights,
        `${block.name}.bn2`,
        conv(weights, `${block.name}.conv2`, tf.relu(batchNorm(weights, `${block.name}.bn1`, conv(weights, `${block.name}.conv1`, h, block.stride), options)), 1),
        options,
      );
      const shortcut = weights.has(`${block.name}.downsample.0.weight`)
        ? batchNorm(weights, `${block.name}.downsample.1`, conv(weights, `${block.name}.downsample.0`, h, block.stride), options)
        : h;
      h = tf.relu(tf.add(main, shortcut)) as tf.Tensor4D; // [batch, 32/s, 32/s, cout]
      collect(options, activations, block.name, h);
    }
    const pooled = tf.mean(h, [1, 2]) as tf.Tensor2D; // [batch, 8w]
    collect(options, activations, 'avgpool', pooled);
    const logits = dense(weights, 'fc', pooled); // [batch, C]
    collect(options, activations, 'fc', logits);
    return { logits, activations };
  }

  return { tensors: list.specs, namedLayers: RESNET_LAYERS, featureLayer: 'avgpool', forward };
}
