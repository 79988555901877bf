import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { ClassIndex, MethodParams, Nullable, ParamValue, RecipeId, Seed } from '@mu/schema';
import { CatalogId } from './api.js';

/** Ids the server hands out: 8 lower-case hex characters. */
export const JobId = Type.String({ pattern: '^[0-9a-f]{8}$', description: '8 lower-case hex characters' });

const DatasetField = CatalogId('dataset id, e.g. cifar10-mini (GET /api/datasets)');
const ArchitectureField = CatalogId('architecture id, e.g. small-cnn (GET /api/architectures)');
const ModelIdField = Type.String({ pattern: '^[0-9a-f]{8}$', description: 'a checkpoint id (GET /api/checkpoints)' });
const Label = Type.String({ maxLength: 200 });

/** Training settings of an Original or Retrained model; unset ones take the recipe's values (default: the reference recipe, methods.md §3.1). */
const trainingFields = {
  dataset: DatasetField,
  architecture: ArchitectureField,
  epochs: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  batchSize: Type.Optional(Type.Integer({ minimum: 2, maximum: 1024 })),
  lr: Type.Optional(Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 10 })),
  momentum: Type.Optional(Type.Number({ minimum: 0, maximum: 0.999 })),
  nesterov: Type.Optional(Type.Boolean()),
  weightDecay: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  schedule: Type.Optional(Type.Union([Type.Literal('cosine'), Type.Literal('constant')])),
  augment: Type.Optional(Type.Boolean()),
  seed: Type.Optional(Seed),
  evaluateEachEpoch: Type.Optional(Type.Boolean({ description: 'untimed test accuracy after each epoch (default true)' })),
  recipe: Type.Optional(Nullable(RecipeId)),
};

const strict = <T extends Record<string, TSchema>>(properties: T, description: string) =>
  Type.Object(properties, { additionalProperties: false, description });

export const OriginalJobSpec = strict(
  {
    kind: Type.Literal('original'),
    ...trainingFields,
    evaluateClasses: Type.Optional(
      Type.Array(ClassIndex, { maxItems: 1000, uniqueItems: true, description: 'forget classes to evaluate it for (default: every class with a Retrained model)' }),
    ),
  },
  'Train an Original model on all training data, then evaluate it per forget class.',
);

export const RetrainedJobSpec = strict(
  { kind: Type.Literal('retrained'), ...trainingFields, forgetClass: ClassIndex },
  'Train a Retrained model without the forget class; evaluate it and the designated Original for that class.',
);

const unlearnFields = {
  dataset: DatasetField,
  architecture: ArchitectureField,
  method: CatalogId('method id (GET /api/methods)'),
  forgetClass: ClassIndex,
  params: Type.Optional(MethodParams),
  baseModelId: Type.Optional(ModelIdField),
  label: Type.Optional(Nullable(Label)),
};

export const UnlearnJobSpec = strict(
  { kind: Type.Literal('unlearn'), ...unlearnFields, seed: Type.Optional(Seed) },
  'Run one unlearning method on the designated Original (or baseModelId) and evaluate the result.',
);

export const SweepJobSpec = strict(
  {
    kind: Type.Literal('sweep'),
    ...unlearnFields,
    grid: Type.Record(Type.String({ pattern: '^[a-zA-Z][a-zA-Z0-9]*$' }), Type.Array(ParamValue, { minItems: 1, maxItems: 64 }), {
      description: 'values to try per hyperparameter; every combination runs',
    }),
    seeds: Type.Optional(Type.Array(Seed, { minItems: 1, maxItems: 64, uniqueItems: true })),
  },
  'A grid of hyperparameters × seeds: one unlearn job per combination.',
);

export const ImportRole = Type.Union([Type.Literal('original'), Type.Literal('retrained'), Type.Literal('unlearned')], { default: 'unlearned' });

/** Queued by POST /api/imports/weights (never by POST /api/jobs): the uploaded file is kept under the job's id. */
export const ImportJobSpec = strict(
  {
    kind: Type.Literal('import'),
    dataset: DatasetField,
    architecture: ArchitectureField,
    role: ImportRole,
    forgetClass: Nullable(ClassIndex),
    fileName: Type.String({ maxLength: 200 }),
  },
  'Import PyTorch weights (.pth or .safetensors): measure them, and evaluate them for the forget class against the designated models.',
);

/** The body of POST /api/jobs, told apart by `kind`. */
export const JobSpec = Type.Unsafe<Static<typeof OriginalJobSpec> | Static<typeof RetrainedJobSpec> | Static<typeof UnlearnJobSpec> | Static<typeof SweepJobSpec>>({
  type: 'object',
  required: ['kind'],
  discriminator: { propertyName: 'kind' },
  oneOf: [OriginalJobSpec, RetrainedJobSpec, UnlearnJobSpec, SweepJobSpec],
});
export type JobSpec = Static<typeof JobSpec>;
export type OriginalJobSpec = Static<typeof OriginalJobSpec>;
export type RetrainedJobSpec = Static<typeof RetrainedJobSpec>;
export type UnlearnJobSpec = Static<typeof UnlearnJobSpec>;
export type SweepJobSpec = Static<typeof SweepJobSpec>;
export type ImportJobSpec = Static<typeof ImportJobSpec>;
/** Every job that is stored: those POST /api/jobs queues, and imports. */
export type StoredJobSpec = JobSpec | ImportJobSpec;
export type JobKind = StoredJobSpec['kind'];
/** What a compute worker runs: everything but a sweep, which only groups unlearn jobs. */
export type ComputeJobSpec = OriginalJobSpec | RetrainedJobSpec | UnlearnJobSpec | ImportJobSpec;
export const JobKindField = Type.Union([Type.Literal('original'), Type.Literal('retrained'), Type.Literal('unlearn'), Type.Literal('sweep'), Type.Literal('import')]);

export const JobStatus = Type.Union([
  Type.Literal('queued'),
  Type.Literal('running'),
  Type.Literal('succeeded'),
  Type.Literal('failed'),
  Type.Literal('cancelled'),
  Type.Literal('interrupted'),
]);
export type JobStatus = Static<typeof JobStatus>;
export const FINISHED: readonly JobStatus[] = ['succeeded', 'failed', 'cancelled', 'interrupted'];

const n = (description?: string) => Nullable(Type.Number(description ? { description } : {}));

/** One live progress report of a running job, with the engine's own numbers. */
export const JobProgress = Type.Object(
  {
    seq: Type.Integer({ minimum: 0 }),
    at: Type.String({ description: 'ISO time the worker sent it' }),
    stage: Type.String({ description: 'loading data, training, preparing, unlearning, evaluating train, evaluating test, embedding, attack, cka, saving' }),
    step: Nullable(Type.String({ description: 'which model the stage works on, e.g. "Retrained (class 3)"' })),
    epoch: n('1-based epoch'),
    epochs: n(),
    batch: n(),
    batches: n(),
    loss: n('running mean loss of the epoch'),
    accuracy: n('running training accuracy of the epoch'),
    forgetAccuracy: n('forget-set accuracy after the last unlearning epoch'),
    imagesPerSecond: n(),
    etaSeconds: n('of the current stage'),
    done: n('images (or UMAP epochs) done in the stage'),
    total: n(),
    message: Nullable(Type.String()),
  },
  { additionalProperties: false },
);
export type JobProgress = Static<typeof JobProgress>;

export const Job = Type.Object(
  {
    id: JobId,
    kind: JobKindField,
    status: JobStatus,
    spec: Type.Record(Type.String(), Type.Unknown()),
    parentId: Nullable(JobId),
    childIds: Type.Array(JobId),
    createdAt: Type.String(),
    startedAt: Nullable(Type.String()),
    finishedAt: Nullable(Type.String()),
    error: Nullable(Type.String()),
    cancelRequested: Type.Boolean(),
    resultIds: Type.Array(Type.String()),
    checkpointIds: Type.Array(Type.String()),
    progress: Nullable(JobProgress),
  },
  { additionalProperties: false },
);
export type Job = Static<typeof Job>;
