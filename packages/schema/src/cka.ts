import { type Static, Type } from '@sinclair/typebox';
import { CkaLayerName, Fraction01, Id, Nullable } from './common.js';

const Diagonal = Type.Array(Nullable(Fraction01));

/** Diagonal CKA per layer against one reference model (4 dp; null where undefined). */
export const CkaSet = Type.Object(
  {
    referenceModelId: Id,
    train: Type.Object({ forget: Diagonal, other: Diagonal }, { additionalProperties: false }),
    test: Type.Object({ forget: Diagonal, other: Diagonal }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);
export type CkaSet = Static<typeof CkaSet>;

/** `cka`: layer names, and the diagonals vs the Original and vs the Retrained model. */
export const Cka = Type.Object(
  {
    layers: Type.Array(CkaLayerName, { minItems: 10, maxItems: 10 }),
    vsOriginal: Nullable(CkaSet),
    vsRetrained: Nullable(CkaSet),
  },
  { additionalProperties: false },
);
export type Cka = Static<typeof Cka>;
