import { type Static, Type } from '@sinclair/typebox';
import { RecipeId } from './recipe.js';
import { CkaLayerList, ClassIndex, Count, Id, Nullable, Seed } from './common.js';

/** Dataset descriptor (methods.md §1.1). */
export const DatasetRef = Type.Object(
  {
    id: Type.String({ minLength: 1 }),
    version: Nullable(Type.String()),
    checksum: Nullable(Type.String()),
    numClasses: Type.Integer({ minimum: 2, maximum: 1000 }),
    classNames: Type.Array(Type.String()),
  },
  { additionalProperties: false },
);

/** Architecture, e.g. `resnet18`, width 64, 3 input channels, 11,173,962 parameters. */
export const ArchitectureRef = Type.Object(
  {
    id: Type.String({ minLength: 1 }),
    width: Type.Integer({ minimum: 1 }),
    inputChannels: Type.Integer({ minimum: 1 }),
    paramCount: Nullable(Count),
  },
  { additionalProperties: false },
);

/** The method that produced the model: `ft`, `ga`, …, `original`, `retrain`, `upload`, `ref-…`, or a custom id. */
export const MethodRef = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$' }),
    label: Type.String(),
    version: Type.String(),
  },
  { additionalProperties: false },
);

/** All hyperparameters with defaults filled in; null where a value is unknown (a checkpoint without its training config). */
export const Hyperparameters = Type.Record(Type.String(), Type.Union([Type.Number(), Type.String(), Type.Boolean(), Type.Null()]));

export const Backend = Type.Union([
  Type.Literal('tensorflow'),
  Type.Literal('tensorflow-gpu'),
  Type.Literal('wasm'),
  Type.Literal('webgl'),
  Type.Literal('cpu'),
  Type.Literal('pytorch-reference'),
]);
export type Backend = Static<typeof Backend>;

/**
 * What ran the evaluation's forward passes (logits, features, CKA, attack values): onnxruntime-node
 * (its version and intra-op threads) or the tfjs backend (`version`/`threads` null: the backend's own
 * are recorded beside it). Absent in records made before it was recorded and in imports.
 */
export const InferenceRuntimeRef = Type.Object(
  {
    runtime: Type.Union([Type.Literal('onnxruntime'), Type.Literal('tfjs')]),
    version: Nullable(Type.String()),
    threads: Nullable(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

/** Where the record was computed (null where an import does not say). */
export const Environment = Type.Object(
  {
    backend: Backend,
    inference: Type.Optional(InferenceRuntimeRef),
    tfjsVersion: Nullable(Type.String()),
    device: Nullable(Type.String()),
    threads: Nullable(Type.Integer({ minimum: 1 })),
    appVersion: Nullable(Type.String()),
    commit: Nullable(Type.String()),
  },
  { additionalProperties: false },
);

/** UMAP settings (metrics.md §6); seed null when the producer did not seed it (imports). */
export const UmapConfig = Type.Object(
  {
    nNeighbors: Type.Integer({ minimum: 1 }),
    minDist: Type.Number({ minimum: 0 }),
    spread: Type.Number({ exclusiveMinimum: 0 }),
    init: Type.Union([Type.Literal('pca'), Type.Literal('random'), Type.Literal('spectral')]),
    nEpochs: Type.Integer({ minimum: 1 }),
    metric: Type.Literal('euclidean'),
    seed: Nullable(Seed),
  },
  { additionalProperties: false },
);

export const EmbeddingConfig = Type.Object(
  {
    sampleId: Type.String({ minLength: 1 }),
    featureLayer: Type.String(),
    featureDim: Type.Integer({ minimum: 1 }),
    umap: UmapConfig,
  },
  { additionalProperties: false },
);

/** A threshold grid: t_i = lo + i·step, i = 0 … count − 1 (metrics.md §8). */
export const AttackGridConfig = Type.Object(
  { lo: Type.Number(), step: Type.Number({ exclusiveMinimum: 0 }), count: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);

export const AttackConfig = Type.Object(
  {
    entropyTemperature: Type.Literal(2),
    confidenceTemperature: Type.Literal(1),
    entropyGrid: AttackGridConfig,
    confidenceGrid: AttackGridConfig,
    delta: Type.Number({ exclusiveMinimum: 0, maximum: 0.5 }),
  },
  { additionalProperties: false },
);

const CkaCounts = Type.Object({ forget: Count, other: Count }, { additionalProperties: false });

/** CKA layers of the architecture, the sample counts and batch size actually used (metrics.md §10). */
export const CkaConfig = Type.Object(
  {
    layers: CkaLayerList,
    samples: Type.Object({ train: CkaCounts, test: CkaCounts }, { additionalProperties: false }),
    batchSize: Type.Integer({ minimum: 4 }),
    selection: Type.Literal('first-n'),
  },
  { additionalProperties: false },
);

export const EvaluationConfig = Type.Object(
  { embedding: EmbeddingConfig, attack: AttackConfig, cka: CkaConfig },
  { additionalProperties: false },
);

/** The full configuration a result was computed with (results-schema.md §2.1). */
export const ResultConfig = Type.Object(
  {
    dataset: DatasetRef,
    architecture: ArchitectureRef,
    scenario: Type.Literal('class'),
    forgetClass: ClassIndex,
    method: MethodRef,
    hyperparameters: Hyperparameters,
    seed: Nullable(Seed),
    baseModelId: Nullable(Id),
    recipe: Nullable(RecipeId),
    environment: Environment,
    evaluation: EvaluationConfig,
  },
  { additionalProperties: false },
);
export type ResultConfig = Static<typeof ResultConfig>;
