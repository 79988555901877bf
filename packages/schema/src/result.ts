import { type Static, Type } from '@sinclair/typebox';
import { Attack, AttackSet } from './attack.js';
import { Cka } from './cka.js';
import { Count, Fraction01, Id, IsoDateTime, Nullable, Role, Seconds } from './common.js';
import { ResultConfig } from './config.js';
import { Embedding } from './embedding.js';
import { Provenance, Weights } from './provenance.js';

export const RESULT_SCHEMA_VERSION = 1;

/** Headline metrics (results-schema.md §2.2). */
export const Metrics = Type.Object(
  {
    UA: Nullable(Fraction01),
    RA: Nullable(Fraction01),
    TUA: Nullable(Fraction01),
    TRA: Nullable(Fraction01),
    PS: Nullable(Fraction01),
    psBasis: Nullable(Type.Union([Type.Literal('full'), Type.Literal('subset-200'), Type.Literal('reference-mixed')])),
    RTE: Nullable(Seconds),
  },
  { additionalProperties: false },
);
export type Metrics = Static<typeof Metrics>;

/** Per-class accuracy on train and test (null for a class without images). */
export const ClassAccuracy = Type.Object(
  { train: Type.Array(Nullable(Fraction01)), test: Type.Array(Nullable(Fraction01)) },
  { additionalProperties: false },
);

/** Prediction matrices of one split, rows = true class (metrics.md §4). */
export const SplitPredictions = Type.Object(
  {
    confusion: Nullable(Type.Array(Type.Array(Count))),
    labelDist: Type.Array(Type.Array(Fraction01)),
    confDist: Type.Array(Type.Array(Fraction01)),
  },
  { additionalProperties: false },
);

export const Predictions = Type.Object({ train: SplitPredictions, test: SplitPredictions }, { additionalProperties: false });

/** Untimed stage durations in seconds, for the progress ETA model (null where unknown). */
export const Timings = Type.Object(
  {
    prepare: Nullable(Seconds),
    evaluate: Nullable(Seconds),
    embedding: Nullable(Seconds),
    attack: Nullable(Seconds),
    cka: Nullable(Seconds),
    total: Nullable(Seconds),
  },
  { additionalProperties: false },
);

/** One training or unlearning epoch; `seconds` is cumulative timed time. */
export const HistoryEntry = Type.Object(
  {
    epoch: Count,
    lr: Type.Number({ minimum: 0 }),
    loss: Nullable(Type.Number()),
    forgetAccuracy: Nullable(Fraction01),
    seconds: Seconds,
  },
  { additionalProperties: false },
);

const Series = Type.Array(Nullable(Type.Number()));

/** Optional full evaluation per epoch, index 0 = before training. */
export const EpochMetrics = Type.Object(
  { UA: Series, RA: Series, TUA: Series, TRA: Series, PS: Series },
  { additionalProperties: false },
);

const resultFields = {
  schemaVersion: Type.Literal(RESULT_SCHEMA_VERSION),
  id: Id,
  modelId: Id,
  role: Role,
  label: Nullable(Type.String()),
  createdAt: Nullable(IsoDateTime),
  references: Type.Object(
    { originalModelId: Nullable(Id), retrainedModelId: Nullable(Id) },
    { additionalProperties: false },
  ),
  config: ResultConfig,
  metrics: Metrics,
  accuracy: ClassAccuracy,
  predictions: Predictions,
  embedding: Embedding,
  attack: Nullable(Attack),
  cka: Cka,
  timings: Timings,
  history: Type.Array(HistoryEntry),
  epochMetrics: Nullable(EpochMetrics),
  weights: Weights,
  provenance: Provenance,
  warnings: Type.Array(Type.String()),
};

/** One model evaluated for one forget class (results-schema.md §2). */
export const ResultRecord = Type.Object(resultFields, { $id: 'ResultRecord', additionalProperties: false });
export type ResultRecord = Static<typeof ResultRecord>;

/** An attack set without its per-image values, as in list summaries. */
export const AttackSetSummary = Type.Omit(AttackSet, ['entropy', 'confidence'], { additionalProperties: false });

/** What the list endpoint returns: the record without `embedding` and without per-image attack values. */
export const ResultSummary = Type.Object(
  {
    ...Type.Omit(Type.Object(resultFields), ['embedding', 'attack']).properties,
    attack: Nullable(Type.Object({ subset: AttackSetSummary, full: Nullable(AttackSetSummary) }, { additionalProperties: false })),
  },
  { $id: 'ResultSummary', additionalProperties: false },
);
export type ResultSummary = Static<typeof ResultSummary>;
