import type { ResultRecord } from '../api/types.js';
import type { AttackSide } from './attackGrids.js';
import { attackSubset } from './attackSubset.js';

export interface InstancePrediction {
  pred: number;
  /** Class probabilities at the record's temperature, 0–1. */
  probs: number[];
}

/** What the image card of one attack sample shows: its image and both records' predictions. */
export interface AttackInstance {
  image: number | null;
  trueClass: number;
  model: InstancePrediction | null;
  retrained: InstancePrediction | null;
}

/** Where another record's embedding sample holds the same instance (−1: not there). */
function samePoint(record: ResultRecord, source: ResultRecord, point: number, image: number | null): number {
  if (record === source) return point;
  const indices = record.embedding.indices;
  if (image !== null && indices) return indices.indexOf(image);
  // Neither names its images: positions match only within the same sample.
  return image === null && !indices && record.embedding.sampleId === source.embedding.sampleId ? point : -1;
}

function prediction(record: ResultRecord | null, point: number): InstancePrediction | null {
  if (!record || point < 0) return null;
  return { pred: record.embedding.pred[point], probs: record.embedding.probs[point].map((v) => v / 1000) };
}

/**
 * The i-th attack sample of one side of a panel (ui.md §4.3): the i-th forget-class point of
 * that side's embedding sample, with the model's and the Retrained model's predictions for the
 * same image (matched by image index). Null when the side's subset is unknown.
 *
 *   attackInstance(model, retrained, 'model', 3)?.retrained?.pred
 */
export function attackInstance(model: ResultRecord, retrained: ResultRecord | null, side: AttackSide, i: number): AttackInstance | null {
  const source = side === 'model' ? model : retrained;
  const sample = source ? attackSubset(source)?.[i] : undefined;
  if (!source || !sample) return null;
  return {
    image: sample.image,
    trueClass: source.config.forgetClass,
    model: prediction(model, samePoint(model, source, sample.point, sample.image)),
    retrained: prediction(retrained, retrained ? samePoint(retrained, source, sample.point, sample.image) : -1),
  };
}
