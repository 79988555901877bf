import { CKA_LAYERS, type CkaSet } from '@mu/schema';
import { arr, fieldError, isMissing, num, obj } from './referenceFields.js';

/**
 * The diagonal of a reference CKA object (`{layers, train: {forget_class, other_classes}, test}`,
 * 10 × 10 matrices) against `referenceModelId`; null when the file stores "N/A" or nothing
 * (results-schema.md §6 rule 9). `layers` must be the 10 names of methods.md §2.
 *
 *   referenceCka('cka', file.cka, 'ref-original')?.train.forget // 10 values
 */
export function referenceCka(path: string, value: unknown, referenceModelId: string): CkaSet | null {
  if (value === undefined || isMissing(value)) return null;
  const o = obj(path, value);
  const layers = arr(`${path}.layers`, o.layers, CKA_LAYERS.length);
  layers.forEach((name, i) => {
    if (name !== CKA_LAYERS[i]) throw fieldError(`${path}.layers[${i}]`, name, JSON.stringify(CKA_LAYERS[i]));
  });
  const diagonal = (split: 'train' | 'test', part: 'forget_class' | 'other_classes') => {
    const at = `${path}.${split}.${part}`;
    const m = arr(at, obj(`${path}.${split}`, o[split])[part], CKA_LAYERS.length);
    return m.map((row, i) => {
      const r = arr(`${at}[${i}]`, row, CKA_LAYERS.length);
      return isMissing(r[i]) ? null : num(`${at}[${i}][${i}]`, r[i], 0, 1);
    });
  };
  return {
    referenceModelId,
    train: { forget: diagonal('train', 'forget_class'), other: diagonal('train', 'other_classes') },
    test: { forget: diagonal('test', 'forget_class'), other: diagonal('test', 'other_classes') },
  };
}
