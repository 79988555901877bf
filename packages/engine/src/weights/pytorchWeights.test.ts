import * as tf from '@tensorflow/tfjs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  PYTORCH_FIXTURE_ARCHITECTURES,
  pytorchExpected,
  pytorchFixtureFile,
  pytorchFixtureImages,
} from '../../test/fixtures/pytorchFixture.js';
import { modelFromPytorchWeights, pytorchWeightsOf } from './pytorchWeights.js';
import { readStateDict } from './readStateDict.js';

const shape = (architecture: string) => ({ architecture, inputChannels: 3, numClasses: 10 });

function maxAbsDiff(a: Float32Array, b: number[][]): number {
  return b.flat().reduce((m, v, i) => Math.max(m, Math.abs(v - a[i])), 0);
}

describe('PyTorch weights: parity with PyTorch 1.13 (fixture from scripts/make-pytorch-fixture.py)', () => {
  const expected = pytorchExpected();
  it.each(PYTORCH_FIXTURE_ARCHITECTURES.flatMap((a) => [[a, 'pth'], [a, 'safetensors']]))(
    '%s from .%s: logits and features within 1e-4 of PyTorch',
    (architecture, format) => {
      const { model, pytorch } = modelFromPytorchWeights(pytorchFixtureFile(`${architecture}.${format}`), shape(architecture));
      expect(pytorch.format).toBe(format);
      const x = pytorchFixtureImages();
      const { logits, activations } = model.forward(x, { training: false, collect: ['avgpool'] });
      const want = expected.models[architecture];
      const logitDiff = maxAbsDiff(logits.dataSync() as Float32Array, want.logits);
      const featureDiff = maxAbsDiff(activations.get('avgpool')!.dataSync() as Float32Array, want.features);
      expect(logits.shape).toEqual([16, 10]);
      expect(logitDiff).toBeLessThanOrEqual(1e-4);
      expect(featureDiff).toBeLessThanOrEqual(1e-4);
      tf.dispose([x, logits, ...activations.values()]);
      model.dispose();
    },
  );
});

describe('PyTorch weights: export', () => {
  it.each(PYTORCH_FIXTURE_ARCHITECTURES.flatMap((a) => [[a, 'pth'], [a, 'safetensors']]))(
    '%s .pth → ours → .%s → read back gives identical tensors, names and order, num_batches_tracked included',
    async (architecture, format) => {
      const original = readStateDict(pytorchFixtureFile(`${architecture}.pth`)).stateDict;
      const { model, pytorch } = modelFromPytorchWeights(pytorchFixtureFile(`${architecture}.pth`), shape(architecture));
      const exported = await pytorchWeightsOf(model, format as 'pth' | 'safetensors', pytorch.numBatchesTracked);
      model.dispose();
      const back = readStateDict(exported);
      expect(back.format).toBe(format);
      expect([...back.stateDict.keys()]).toEqual([...original.keys()]);
      for (const [name, t] of original) {
        const got = back.stateDict.get(name)!;
        expect(got.dtype, name).toBe(t.dtype);
        expect(got.shape, name).toEqual(t.shape);
        expect(Buffer.from(got.values.buffer).equals(Buffer.from(t.values.buffer)), name).toBe(true);
      }
      expect(original.get('bn1.num_batches_tracked')?.values[0] ?? original.get('block1.bn.num_batches_tracked')?.values[0]).toBeGreaterThan(0n);
    },
  );

  it('writes .pth entries uncompressed, 64-byte aligned, under archive/ with a version record', async () => {
    const { model } = modelFromPytorchWeights(pytorchFixtureFile('small-cnn.safetensors'), shape('small-cnn'));
    const bytes = await pytorchWeightsOf(model, 'pth');
    model.dispose();
    const names = Object.keys(unzipSync(bytes));
    expect(names[0]).toBe('archive/data.pkl');
    expect(names.at(-1)).toBe('archive/version');
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    let entries = 0;
    for (let at = 0; view.getUint32(at, true) === 0x04034b50; entries++) {
      const method = view.getUint16(at + 8, true);
      const size = view.getUint32(at + 18, true);
      const dataStart = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
      expect(method).toBe(0);
      expect(dataStart % 64).toBe(0);
      at = dataStart + size;
    }
    expect(entries).toBe(names.length);
  });

  it('an export of the same weights is the same bytes', async () => {
    const { model } = modelFromPytorchWeights(pytorchFixtureFile('resnet18-w8.pth'), shape('resnet18-w8'));
    const [a, b] = [await pytorchWeightsOf(model, 'pth'), await pytorchWeightsOf(model, 'pth')];
    model.dispose();
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
