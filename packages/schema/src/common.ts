import { type Static, type TSchema, Type } from '@sinclair/typebox';

/** T or null: missing values are null, never a string (spec README, "Missing values"). */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** A fraction in [0, 1]: every accuracy, rate and score (never a percentage). */
export const Fraction01 = Type.Number({ minimum: 0, maximum: 1 });
export type Fraction01 = Static<typeof Fraction01>;

/** A 0-based class index; the upper bound is the dataset's class count, checked by validateResult. */
export const ClassIndex = Type.Integer({ minimum: 0, maximum: 999 });
export type ClassIndex = Static<typeof ClassIndex>;

/** A seed of the generator of methods.md §1.6 (32-bit unsigned). */
export const Seed = Type.Integer({ minimum: 0, maximum: 4294967295 });
export type Seed = Static<typeof Seed>;

/** A fresh record or model id: 8 lower-case hex characters. */
export const NewId = Type.String({ pattern: '^[0-9a-f]{8}$' });

/** Any record or model id: a fresh one, an import `ref<fc>-<legacy id>`, or `ref-original`. */
export const Id = Type.String({ pattern: '^([0-9a-f]{8}|ref[0-9]+-[A-Za-z0-9_-]{1,32}|ref-original)$' });
export type Id = Static<typeof Id>;

/** Seconds, ≥ 0. */
export const Seconds = Type.Number({ minimum: 0 });

/** A non-negative count. */
export const Count = Type.Integer({ minimum: 0 });

/** An ISO 8601 UTC timestamp, e.g. `2026-01-31T12:00:00.000Z`. */
export const IsoDateTime = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$' });

/** A model's role (the Type badge). */
export const Role = Type.Union([Type.Literal('original'), Type.Literal('retrained'), Type.Literal('unlearned')]);
export type Role = Static<typeof Role>;

/** A probability in thousandths (0–1000). */
export const Thousandths = Type.Integer({ minimum: 0, maximum: 1000 });

/** The 10 named layers of ResNet-18 compared by CKA, in order (methods.md §2). */
export const CKA_LAYERS = ['conv1', 'layer1.0', 'layer1.1', 'layer2.0', 'layer2.1', 'layer3.0', 'layer3.1', 'layer4.0', 'layer4.1', 'fc'] as const;

/**
 * A named layer compared by CKA. The list depends on the architecture (ResNet-18: `CKA_LAYERS`;
 * the small CNN has 5), so any layer name is accepted and the record stores its model's list.
 */
export const CkaLayerName = Type.String({ pattern: '^[A-Za-z0-9_.-]{1,64}$' });

/** The CKA layer list of one architecture, in order. */
export const CkaLayerList = Type.Array(CkaLayerName, { minItems: 1, maxItems: 64 });
