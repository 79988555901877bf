import { type Static, Type } from '@sinclair/typebox';
import { ClassIndex, Count, Nullable, Thousandths } from './common.js';

/** The 2-D embedding of the embedding sample, columnar (results-schema.md §2.5). */
export const Embedding = Type.Object(
  {
    sampleId: Type.String({ pattern: '^([a-z0-9-]+/[a-z0-9-]+|import:[0-9a-f]{12})$' }),
    indices: Nullable(Type.Array(Count)),
    trueClass: Nullable(Type.Array(ClassIndex)),
    pred: Type.Array(ClassIndex),
    x: Type.Array(Type.Number()),
    y: Type.Array(Type.Number()),
    probs: Type.Array(Type.Array(Thousandths)),
    probTemperature: Type.Number({ exclusiveMinimum: 0 }),
    deterministic: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type Embedding = Static<typeof Embedding>;
