import { describeDataset } from '../data/catalog.js';
import type { LoadedDataset } from '../data/loadDataset.js';
import type { ImageSet } from '../data/imageSet.js';
import { createRng } from '../random.js';

/**
 * A small random stand-in for cifar10-mini (test-only helper): `perClass.train` / `perClass.test`
 * images of each class, labels cycling 0…9, pixels drawn from `seed`.
 *
 *   const data = testDataset({ train: 40, test: 20 });
 */
export function testDataset(perClass: { train: number; test: number }, seed = 7): LoadedDataset {
  const descriptor = describeDataset('cifar10-mini');
  const rng = createRng(seed);
  const split = (count: number): ImageSet => {
    const images = new Uint8Array(count * 32 * 32 * 3);
    for (let i = 0; i < images.length; i++) images[i] = rng.int(256);
    const labels = Uint8Array.from({ length: count }, (_, i) => i % descriptor.numClasses);
    return { images, labels, count, height: 32, width: 32, channels: 3 };
  };
  return {
    descriptor,
    train: split(perClass.train * descriptor.numClasses),
    test: split(perClass.test * descriptor.numClasses),
    checksum: `test-${seed}-${perClass.train}-${perClass.test}`,
    location: { id: 'cifar10-mini', dir: '(memory)', files: { train: [], test: [] } },
  };
}
