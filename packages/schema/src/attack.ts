import { type Static, Type } from '@sinclair/typebox';
import { Count, Fraction01, Nullable } from './common.js';

/** One threshold sweep: FPR, FNR and attack score per grid threshold (3 dp). */
export const Curve = Type.Object(
  { fpr: Type.Array(Fraction01), fnr: Type.Array(Fraction01), score: Type.Array(Fraction01) },
  { additionalProperties: false },
);
export type Curve = Static<typeof Curve>;

/** The four sweeps of metrics.md §8. */
export const Curves = Type.Object(
  {
    entropyAboveUnlearn: Curve,
    entropyAboveRetrain: Curve,
    confidenceAboveUnlearn: Curve,
    confidenceAboveRetrain: Curve,
  },
  { additionalProperties: false },
);
export type Curves = Static<typeof Curves>;

/** The (metric, direction, threshold) where the strongest attack is reached (metrics.md §9). */
export const WorstCase = Type.Object(
  {
    metric: Type.Union([Type.Literal('entropy'), Type.Literal('confidence')]),
    positives: Type.Union([Type.Literal('unlearn'), Type.Literal('retrain')]),
    index: Count,
    threshold: Type.Number(),
    score: Fraction01,
    fpr: Fraction01,
    fnr: Fraction01,
  },
  { additionalProperties: false },
);
export type WorstCase = Static<typeof WorstCase>;

/** Per-image attack values of one image set, and the sweeps against the Retrained model. */
export const AttackSet = Type.Object(
  {
    count: Count,
    entropy: Type.Array(Type.Number({ minimum: 0 })),
    confidence: Type.Array(Type.Number()),
    curves: Nullable(Curves),
    worstCase: Nullable(WorstCase),
    privacyScore: Nullable(Fraction01),
  },
  { additionalProperties: false },
);
export type AttackSet = Static<typeof AttackSet>;

/** `attack`: the 200 subset images, and all forget-class images (null for imports). */
export const Attack = Type.Object({ subset: AttackSet, full: Nullable(AttackSet) }, { additionalProperties: false });
export type Attack = Static<typeof Attack>;
