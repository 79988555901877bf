import { createHash } from 'node:crypto';
import type { Embedding } from '@mu/schema';
import { CIFAR10_REFERENCE_SAMPLE } from '../metrics/cifar10ReferenceSample.js';
import { round } from '../metrics/round.js';
import { arr, fieldError, int, num, obj } from './referenceFields.js';

const NUM_CLASSES = 10;
const PER_CLASS = 200;

/** The embedding of a reference file plus the forget points' image indices, in point order. */
export interface ReferenceEmbedding {
  embedding: Embedding;
  forgetImages: number[];
  labelsChecked: boolean;
}

/**
 * Maps `points` (2,000 × [gt, pred, img, forget, x, y, prob]) to our columnar embedding
 * (results-schema.md §6 rule 7): probabilities in thousandths with missing classes as 0; the
 * registered CIFAR-10 list is referenced by id, any other list is stored with a content hash.
 * Each point's gt must be the CIFAR-10 label of img (known for the registered list, else checked
 * against `cifar10Labels` when given) and forget must equal gt == fc.
 *
 *   referenceEmbedding(file.points, 0).embedding.sampleId // 'cifar10/reference-2000'
 */
export function referenceEmbedding(points: unknown, forgetClass: number, cifar10Labels?: ArrayLike<number>): ReferenceEmbedding {
  const rows = arr('points', points);
  if (rows.length === 0) throw fieldError('points', points, 'a non-empty array');
  const trueClass: number[] = [];
  const indices: number[] = [];
  const pred: number[] = [];
  const x: number[] = [];
  const y: number[] = [];
  const probs: number[][] = [];
  const forgetImages: number[] = [];
  rows.forEach((row, k) => {
    const at = `points[${k}]`;
    const p = arr(at, row, 7);
    const gt = int(`${at}[0]`, p[0], 0, NUM_CLASSES - 1);
    const img = int(`${at}[2]`, p[2], 0, 49_999);
    const forget = int(`${at}[3]`, p[3], 0, 1);
    if (forget !== (gt === forgetClass ? 1 : 0)) throw new Error(`points do not match CIFAR-10: ${at} has forget ${forget} but gt ${gt} with FC ${forgetClass}`);
    trueClass.push(gt);
    pred.push(int(`${at}[1]`, p[1], 0, NUM_CLASSES - 1));
    indices.push(img);
    x.push(num(`${at}[4]`, p[4]));
    y.push(num(`${at}[5]`, p[5]));
    probs.push(thousandths(`${at}[6]`, p[6]));
    if (forget === 1) forgetImages.push(img);
  });

  const registered = indices.length === CIFAR10_REFERENCE_SAMPLE.length && indices.every((v, k) => v === CIFAR10_REFERENCE_SAMPLE[k]);
  const labelOf = registered ? (k: number) => Math.floor(k / PER_CLASS) : cifar10Labels ? (k: number) => cifar10Labels[indices[k]] : null;
  if (labelOf !== null) {
    const bad = trueClass.findIndex((gt, k) => gt !== labelOf(k));
    if (bad >= 0) throw new Error(`points do not match CIFAR-10: points[${bad}] has gt ${trueClass[bad]} but image ${indices[bad]} is class ${labelOf(bad)}`);
  }

  const embedding: Embedding = registered
    ? { sampleId: 'cifar10/reference-2000', indices: null, trueClass: null, pred, x, y, probs, probTemperature: 2, deterministic: false }
    : { sampleId: `import:${sha256(indices.join(',')).slice(0, 12)}`, indices, trueClass, pred, x, y, probs, probTemperature: 2, deterministic: false };
  return { embedding, forgetImages, labelsChecked: labelOf !== null };
}

function thousandths(path: string, v: unknown): number[] {
  const o = obj(path, v);
  const out = new Array<number>(NUM_CLASSES).fill(0);
  for (const [key, p] of Object.entries(o)) {
    const c = /^[0-9]$/.test(key) ? Number(key) : -1;
    if (c < 0 || c >= NUM_CLASSES) throw fieldError(`${path} key`, key, 'a class "0" … "9"');
    out[c] = round(1000 * num(`${path}["${key}"]`, p, 0, 1), 0);
  }
  return out;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
