import { type Static, Type } from '@sinclair/typebox';
import { BackendReport, ClassIndex, Id, Metrics, MethodDescriptor, MethodRef, Nullable, Hyperparameters, Role } from '@mu/schema';

/** A catalog id as sent by a client (dataset, architecture, method): lower-case letters, digits and dashes. */
export const CatalogId = (description: string) => Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,63}$', description });

/** Every 4xx and 5xx answer: the status, its name and a one-line message naming the problem. */
export const ErrorResponse = Type.Object(
  { statusCode: Type.Integer(), error: Type.String(), message: Type.String() },
  { $id: 'ErrorResponse', description: 'One-line error' },
);

/** Error answers a route may give, for its `response` schema. */
export const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [c, ErrorResponse]));

const RemoteWorker = Type.Object({
  name: Type.String(),
  backend: Type.Union([BackendReport, Type.Null()], { description: 'its compute backend and device; null until its first job starts' }),
  jobIds: Type.Array(Type.String(), { description: 'the jobs it runs now' }),
  at: Type.String({ description: 'ISO time of its last heartbeat' }),
});

export const Health = Type.Object({
  status: Type.Literal('ok'),
  uptimeSeconds: Type.Number(),
  backend: Nullable(BackendReport),
  jobs: Type.Object({ queued: Type.Integer(), running: Type.Integer() }),
  queue: Type.Object({
    mode: Type.Union([Type.Literal('embedded'), Type.Literal('bullmq')], {
      description: 'embedded: worker threads of the server; bullmq: remote workers through Redis (MU_QUEUE_URL)',
    }),
    workers: Type.Union([Type.Array(RemoteWorker), Type.Null()], { description: 'remote workers heard from in the last 15 s (null: embedded mode, or Redis does not answer)' }),
  }),
});

const StageSeconds = Nullable(Type.Number({ minimum: 0 }));

export const TimeEstimates = Type.Object({
  backend: Nullable(Type.String({ description: 'the backend whose runs were used (null: the worker has not started yet, all backends)' })),
  records: Type.Integer({ description: 'engine records the estimates come from' }),
  stageSeconds: Type.Object(
    { prepare: StageSeconds, evaluate: StageSeconds, embedding: StageSeconds, attack: StageSeconds, cka: StageSeconds },
    { description: 'median seconds of each untimed stage (null: no run measured it)' },
  ),
  epochSeconds: Type.Record(Type.String(), Type.Number({ minimum: 0 }), { description: 'median seconds per epoch by role (original, retrained) or method id' }),
  recipe: Type.Object(
    { epochs: Type.Integer(), batchSize: Type.Integer(), lr: Type.Number() },
    { description: 'the training recipe an Original or Retrained job uses where its spec is silent' },
  ),
});
export type TimeEstimates = Static<typeof TimeEstimates>;

export const Dataset = Type.Object({
  id: Type.String(),
  label: Type.String(),
  numClasses: Type.Integer(),
  classNames: Type.Array(Type.String()),
  splits: Type.Object({ train: Type.Integer(), test: Type.Integer() }),
  inputShape: Type.Array(Type.Integer()),
  available: Type.Boolean(),
  problem: Nullable(Type.String({ description: 'why it is not available' })),
});
export type Dataset = Static<typeof Dataset>;

export const Architecture = Type.Object({ id: Type.String(), label: Type.String(), family: Type.String(), width: Type.Integer() });

export const MethodInfo = Type.Object({ ...MethodDescriptor.properties, builtIn: Type.Boolean() }, { additionalProperties: false });

export const Checkpoint = Type.Object({
  id: Type.String(),
  role: Role,
  dataset: Type.String(),
  architecture: Type.String(),
  forgetClass: Nullable(ClassIndex),
  source: Type.Union([Type.Literal('engine'), Type.Literal('upload')]),
  createdAt: Type.String(),
  paramCount: Type.Integer(),
  trainingSeconds: Nullable(Type.Number()),
  accuracy: Type.Object({ train: Type.Array(Nullable(Type.Number())), test: Type.Array(Nullable(Type.Number())) }),
});
export type Checkpoint = Static<typeof Checkpoint>;

export const BaselineStatus = Type.Object({
  dataset: Type.String(),
  architecture: Type.String(),
  original: Nullable(Checkpoint),
  classes: Type.Array(
    Type.Object({
      forgetClass: ClassIndex,
      className: Type.String(),
      retrained: Nullable(Checkpoint),
      originalRecordId: Nullable(Type.String({ description: 'record of the designated Original for this class' })),
      retrainedRecordId: Nullable(Type.String()),
    }),
  ),
});

/** A list row: identity, configuration in brief and the headline metrics. */
export const ResultHeadline = Type.Object(
  {
    id: Id,
    modelId: Id,
    role: Role,
    label: Nullable(Type.String()),
    createdAt: Nullable(Type.String()),
    dataset: Type.String(),
    architecture: Type.String(),
    forgetClass: ClassIndex,
    method: MethodRef,
    hyperparameters: Hyperparameters,
    seed: Nullable(Type.Integer()),
    baseModelId: Nullable(Type.String()),
    metrics: Metrics,
    source: Type.Union([Type.Literal('engine'), Type.Literal('upload'), Type.Literal('import')]),
    weightsAvailable: Type.Boolean(),
    warnings: Type.Integer({ description: 'number of warnings in the full record' }),
  },
  { $id: 'ResultHeadline' },
);
export type ResultHeadline = Static<typeof ResultHeadline>;

export const ImportReport = Type.Object({
  imported: Type.Array(
    Type.Object({ id: Type.String(), fileName: Type.String(), role: Role, method: Type.String(), replaced: Type.Boolean(), warnings: Type.Array(Type.String()) }),
  ),
});

/** Filters shared by the list and the export. */
export const resultFilters = {
  dataset: Type.Optional(CatalogId('dataset id')),
  architecture: Type.Optional(CatalogId('architecture id')),
  forgetClass: Type.Optional(ClassIndex),
  role: Type.Optional(Type.Union([Type.Literal('original'), Type.Literal('retrained'), Type.Literal('unlearned')])),
  method: Type.Optional(CatalogId('method id')),
};

