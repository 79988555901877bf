import { defineNetwork } from '@mu/engine';

/** A well-formed small-cnn checkpoint for cifar10-mini (constant weights), to upload or to spoil. */
export function smallCnnCheckpoint(role: 'original' | 'retrained' | 'unlearned' = 'unlearned', forgetClass: number | null = 3) {
  let offset = 0;
  const tensors = defineNetwork('small-cnn', 3, 10).tensors.map((t) => {
    const entry = { name: t.name, shape: t.shape, offset };
    offset += t.shape.reduce((a, b) => a * b, 1);
    return entry;
  });
  const meta = {
    format: 'mu-checkpoint', version: 1, id: 'cafe0001', role, createdAt: '2026-01-01T00:00:00.000Z',
    model: { architecture: 'small-cnn', inputChannels: 3, numClasses: 10, paramCount: offset },
    dataset: { id: 'cifar10-mini', checksum: 'x' }, forgetClass, config: {}, seed: 1,
    environment: { backend: 'cpu', threads: 1, tfjsVersion: '4.22.0' }, trainingSeconds: null,
    accuracy: { train: Array(10).fill(0.1), test: Array(10).fill(0.1) }, tensors,
  };
  const weights = new Uint8Array(new Float32Array(offset).fill(0.01).buffer);
  return { meta, weights };
}
