import { describe, expect, it } from 'vitest';
import { catalog, datasetIds, describeDataset } from './catalog.js';
import { readDataFile } from './readDataFile.js';
import { locateDataset } from './searchPath.js';
import { datasetMissing } from '../../test/testData.js';

describe('catalog', () => {
  it('describes the three datasets with 32×32 inputs and 10 classes', () => {
    expect(datasetIds).toEqual(['cifar10', 'cifar10-mini', 'fashion-mnist']);
    for (const id of datasetIds) {
      const d = describeDataset(id);
      expect(d.id).toBe(id);
      expect(d.inputShape.slice(0, 2)).toEqual([32, 32]);
      expect(d.classNames).toHaveLength(d.numClasses);
      expect(d.perClass.train * d.numClasses).toBe(d.splits.train);
      expect(d.perClass.test * d.numClasses).toBe(d.splits.test);
      expect(d.normalization.mean).toHaveLength(d.inputShape[2]);
    }
    expect(catalog['fashion-mnist'].inputShape).toEqual([32, 32, 1]);
    expect(catalog.cifar10.classNames[3]).toBe('cat');
    expect(catalog['fashion-mnist'].classNames[9]).toBe('Boot');
  });

  it('keeps the reference system CIFAR-10 constants exactly', () => {
    for (const id of ['cifar10', 'cifar10-mini'] as const) {
      expect(catalog[id].normalization).toEqual({ mean: [0.4914, 0.4822, 0.4465], std: [0.2023, 0.1994, 0.201] });
    }
  });

  it('rejects an unknown id in one line', () => {
    expect(() => describeDataset('cifar100')).toThrow(
      'unknown dataset: cifar100 (expected cifar10, cifar10-mini, fashion-mnist)',
    );
  });

  it.skipIf(datasetMissing('fashion-mnist'))('stores the Fashion-MNIST mean and std of the real training images', async () => {
    const d = catalog['fashion-mnist'];
    const { files } = locateDataset('fashion-mnist');
    const bytes = await readDataFile(d.id, files.train[0], d.files.train[0]);
    // Integer sums are exact in float64 (Σv² ≈ 6.3e11 < 2^53).
    let sum = 0;
    let sumSq = 0;
    for (let i = 16; i < bytes.length; i++) {
      sum += bytes[i];
      sumSq += bytes[i] * bytes[i];
    }
    const n = bytes.length - 16;
    expect(n).toBe(60_000 * 28 * 28);
    const mean = sum / n / 255;
    const std = Math.sqrt(sumSq / n / 255 ** 2 - mean * mean);
    expect(Math.abs(mean - d.normalization.mean[0])).toBeLessThan(1e-12);
    expect(Math.abs(std - d.normalization.std[0])).toBeLessThan(1e-12);
  });
});
