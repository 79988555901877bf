import type { NetworkDefinition } from './network.js';
import { resNet18 } from './resNet18.js';
import { smallCnn } from './smallCnn.js';

export interface ArchitectureInfo {
  id: string;
  label: string;
  family: 'resnet18' | 'small-cnn';
  /** ResNet base width (64 for the reference); channels of the first stage for the small CNN. */
  width: number;
  /** What feeds the linear classifier: the global average of the last feature map, or all of it flattened. */
  head: 'average-pool' | 'flatten';
}

export const ARCHITECTURES: readonly ArchitectureInfo[] = [
  { id: 'resnet18', label: 'ResNet-18 (width 64, reference)', family: 'resnet18', width: 64, head: 'average-pool' },
  { id: 'resnet18-w32', label: 'ResNet-18 ×½ (width 32)', family: 'resnet18', width: 32, head: 'average-pool' },
  { id: 'resnet18-w16', label: 'ResNet-18 ×¼ (width 16)', family: 'resnet18', width: 16, head: 'average-pool' },
  { id: 'resnet18-w8', label: 'ResNet-18 ×⅛ (width 8)', family: 'resnet18', width: 8, head: 'average-pool' },
  { id: 'small-cnn', label: 'Small CNN (3 conv stages, fast on CPU)', family: 'small-cnn', width: 32, head: 'average-pool' },
  // The quick recipe's architecture: the flattened 4×4×128 map gives the classifier 16× the inputs
  // for a negligible cost, so the network memorises its training data within minutes on a CPU.
  { id: 'small-cnn-flat', label: 'Small CNN, flattened head (memorises in minutes on CPU)', family: 'small-cnn', width: 32, head: 'flatten' },
];

export function architectureInfo(id: string): ArchitectureInfo {
  const info = ARCHITECTURES.find((a) => a.id === id);
  if (!info) throw new Error(`unknown architecture: ${id} (expected ${ARCHITECTURES.map((a) => a.id).join(', ')})`);
  return info;
}

/** Builds the network definition of an architecture for a dataset's input channels and classes. */
export function defineNetwork(id: string, inputChannels: number, numClasses: number): NetworkDefinition {
  const info = architectureInfo(id);
  return info.family === 'resnet18' ? resNet18(info.width, inputChannels, numClasses) : smallCnn(inputChannels, numClasses, info.head);
}
