import { type Static, Type } from '@sinclair/typebox';
import { CkaLayerList, Fraction01, Id, Nullable } from './common.js';

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

/** `cka`: the architecture's layer names (ResNet-18: 10), and the diagonals vs the Original and vs the Retrained model. */
export const Cka = Type.Object(
  {
    layers: CkaLayerList,
    vsOriginal: Nullable(CkaSet),
    vsRetrained: Nullable(CkaSet),
  },
  { additionalProperties: false },
);
export type Cka = Static<typeof Cka>;
