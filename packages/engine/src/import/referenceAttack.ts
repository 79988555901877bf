import type { AttackSet, Curves } from '@mu/schema';
import { ATTACK_CURVES, DEFAULT_ATTACK_GRIDS, attackCurves } from '../metrics/attackCurves.js';
import { gridThresholds } from '../metrics/attackGrid.js';
import { privacyScore } from '../metrics/privacyScore.js';
import { roundCurves } from '../metrics/roundCurves.js';
import { arr, fieldError, num, obj } from './referenceFields.js';

const REFERENCE_KEYS = {
  entropyAboveUnlearn: 'entropy_above_unlearn',
  entropyAboveRetrain: 'entropy_above_retrain',
  confidenceAboveUnlearn: 'confidence_above_unlearn',
  confidenceAboveRetrain: 'confidence_above_retrain',
} as const;

/** The subset attack set of a current-schema file, and warnings from the curve check. */
export interface ReferenceAttack {
  subset: AttackSet;
  warnings: string[];
}

/**
 * Maps `attack` (results-schema.md §6 rule 8): `values` → the subset's entropy and confidence
 * (their `img` must be the forget points' images, in order), `results` → the four curves, with
 * worst case and privacy score recomputed from them. When the Retrained model's subset values
 * are given ('self' for the Retrained file itself), the curves are recomputed and must equal the
 * stored ones; a mismatch is a warning, and so is a curve check that could not be done.
 *
 *   referenceAttack(file.attack, forgetImages, retrainedSubset).subset.privacyScore // 0.275 for 0000.json
 */
export function referenceAttack(
  value: unknown,
  forgetImages: readonly number[],
  retrained?: { entropy: readonly number[]; confidence: readonly number[] } | 'self',
): ReferenceAttack {
  const o = obj('attack', value);
  const values = arr('attack.values', o.values);
  const entropy: number[] = [];
  const confidence: number[] = [];
  values.forEach((v, k) => {
    const e = obj(`attack.values[${k}]`, v);
    if (e.img !== forgetImages[k]) throw fieldError(`attack.values[${k}].img`, e.img, `${forgetImages[k]}, the image of forget point ${k}`);
    entropy.push(num(`attack.values[${k}].entropy`, e.entropy, 0));
    confidence.push(num(`attack.values[${k}].confidence`, e.confidence));
  });
  if (values.length !== forgetImages.length) throw fieldError('attack.values', `${values.length} values`, `${forgetImages.length}, one per forget point`);

  const curves = o.results === undefined || o.results === null ? null : storedCurves(o.results);
  const ps = curves === null ? null : privacyScore(curves);
  const warnings: string[] = [];
  const r = retrained === 'self' ? { entropy, confidence } : retrained;
  if (curves !== null && r === undefined) {
    warnings.push('attack curves not checked: no Retrained record of this class imported');
  } else if (curves !== null && r !== undefined && r.entropy.length !== entropy.length) {
    warnings.push(`attack curves not checked: ${r.entropy.length} Retrained values for ${entropy.length} images`);
  } else if (curves !== null && r !== undefined) {
    const recomputed = roundCurves(attackCurves({ entropy, confidence }, { entropy: [...r.entropy], confidence: [...r.confidence] }));
    const differing = ATTACK_CURVES.filter(({ name }) => JSON.stringify(recomputed[name]) !== JSON.stringify(curves[name])).map((c) => REFERENCE_KEYS[c.name]);
    if (differing.length > 0) warnings.push(`stored attack curves differ from the recomputed ones: ${differing.join(', ')}`);
  }
  return {
    subset: {
      count: entropy.length,
      entropy,
      confidence,
      curves,
      worstCase: ps?.worstCase ?? null,
      privacyScore: ps?.privacyScore ?? null,
    },
    warnings,
  };
}

function storedCurves(value: unknown): Curves {
  const o = obj('attack.results', value);
  const curves = {} as Curves;
  for (const { name, metric } of ATTACK_CURVES) {
    const key = REFERENCE_KEYS[name];
    const thresholds = gridThresholds(DEFAULT_ATTACK_GRIDS[metric]);
    const entries = arr(`attack.results.${key}`, o[key], thresholds.length).map((e, i) => obj(`attack.results.${key}[${i}]`, e));
    entries.forEach((e, i) => {
      const t = num(`attack.results.${key}[${i}].threshold`, e.threshold);
      if (Math.abs(t - thresholds[i]) > 5e-4) throw fieldError(`attack.results.${key}[${i}].threshold`, t, `${Math.round(thresholds[i] * 1000) / 1000}`);
    });
    curves[name] = {
      fpr: entries.map((e, i) => num(`attack.results.${key}[${i}].fpr`, e.fpr, 0, 1)),
      fnr: entries.map((e, i) => num(`attack.results.${key}[${i}].fnr`, e.fnr, 0, 1)),
      score: entries.map((e, i) => num(`attack.results.${key}[${i}].attack_score`, e.attack_score, 0, 1)),
    };
  }
  return curves;
}
