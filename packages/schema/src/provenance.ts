import { type Static, Type } from '@sinclair/typebox';
import { Count, IsoDateTime, Nullable } from './common.js';

/** Where a record came from (results-schema.md §2.8). */
export const Provenance = Type.Object(
  {
    source: Type.Union([Type.Literal('engine'), Type.Literal('upload'), Type.Literal('import')]),
    importedFrom: Nullable(
      Type.Object(
        {
          schema: Type.Union([Type.Literal('reference-current'), Type.Literal('reference-2025')]),
          legacyId: Type.String({ minLength: 1 }),
          fileName: Type.String(),
          importedAt: IsoDateTime,
        },
        { additionalProperties: false },
      ),
    ),
    reproducible: Type.Boolean(),
    legacy: Type.Record(Type.String(), Type.Unknown()),
  },
  { additionalProperties: false },
);
export type Provenance = Static<typeof Provenance>;

/** Whether `checkpoints/` holds the weights of the model. */
export const Weights = Type.Object(
  {
    available: Type.Boolean(),
    format: Nullable(Type.Union([Type.Literal('tfjs'), Type.Literal('pytorch-state-dict')])),
    bytes: Nullable(Count),
  },
  { additionalProperties: false },
);
export type Weights = Static<typeof Weights>;
