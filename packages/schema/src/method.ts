import { type Static, type TSchema, Type } from '@sinclair/typebox';
import type { ErrorObject } from 'ajv';
import { lazyValidator } from './lazyValidator.js';

/** A method id: lower-case letters, digits and dashes (methods.md §6); stored in results. */
export const METHOD_ID_PATTERN = '^[a-z0-9][a-z0-9-]*$';

/** A parameter key: camelCase, as in `batchSize`, `maskRatio`. */
export const PARAM_KEY_PATTERN = '^[a-zA-Z][a-zA-Z0-9]*$';

/** Fields every parameter has. `sweepable` defaults to true for numbers, false otherwise. */
const paramBase = {
  key: Type.String({ pattern: PARAM_KEY_PATTERN }),
  label: Type.String({ minLength: 1 }),
  help: Type.Optional(Type.String()),
  sweepable: Type.Optional(Type.Boolean()),
};

const param = <K extends string, T extends Record<string, TSchema>>(type: K, fields: T) =>
  Type.Object({ ...paramBase, type: Type.Literal(type), ...fields }, { additionalProperties: false });

/**
 * An integer parameter. `defaultFrom` names an earlier parameter whose resolved value is the
 * default (SCRUB's `maxSteps` = `epochs`; `default` is then what the form shows before that
 * parameter changes); `maxFrom` names one whose resolved value is a further upper bound.
 */
export const IntParam = param('int', {
  default: Type.Integer(),
  min: Type.Integer(),
  max: Type.Integer(),
  step: Type.Optional(Type.Integer({ minimum: 1 })),
  defaultFrom: Type.Optional(Type.String({ pattern: PARAM_KEY_PATTERN })),
  maxFrom: Type.Optional(Type.String({ pattern: PARAM_KEY_PATTERN })),
});
export type IntParam = Static<typeof IntParam>;

/** A real parameter in [min, max]; either end is open when its `…Exclusive` flag is set (lr ∈ (0, 1)). */
export const FloatParam = param('float', {
  default: Type.Number(),
  min: Type.Number(),
  max: Type.Number(),
  minExclusive: Type.Optional(Type.Boolean()),
  maxExclusive: Type.Optional(Type.Boolean()),
  scale: Type.Union([Type.Literal('linear'), Type.Literal('log')]),
  step: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
});
export type FloatParam = Static<typeof FloatParam>;

export const EnumParam = param('enum', {
  default: Type.String(),
  options: Type.Array(Type.Object({ value: Type.String({ minLength: 1 }), label: Type.String() }, { additionalProperties: false }), {
    minItems: 1,
  }),
});
export type EnumParam = Static<typeof EnumParam>;

export const BoolParam = param('bool', { default: Type.Boolean() });
export type BoolParam = Static<typeof BoolParam>;

/** One hyperparameter of a method, as data: the UI builds its form control from it (methods.md §6). */
export const ParamSpec = Type.Union([IntParam, FloatParam, EnumParam, BoolParam]);
export type ParamSpec = Static<typeof ParamSpec>;

/** Whether a sweep may vary the parameter: as its descriptor says, else numbers only. */
export function isSweepable(spec: ParamSpec): boolean {
  return spec.sweepable ?? (spec.type === 'int' || spec.type === 'float');
}

/** Hook 1 of a method (methods.md §6): what it is called and which hyperparameters it takes. */
export const MethodDescriptor = Type.Object(
  {
    id: Type.String({ pattern: METHOD_ID_PATTERN, maxLength: 64 }),
    label: Type.String({ minLength: 1 }),
    description: Type.String({ minLength: 1 }),
    version: Type.String({ minLength: 1 }),
    params: Type.Array(ParamSpec),
  },
  { additionalProperties: false },
);
export type MethodDescriptor = Static<typeof MethodDescriptor>;

/** One hyperparameter value. */
export const ParamValue = Type.Union([Type.Number(), Type.String(), Type.Boolean()]);
export type ParamValue = Static<typeof ParamValue>;

/** Hyperparameters by key: a request's input, or the resolved set with every default filled in. */
export const MethodParams = Type.Record(Type.String(), ParamValue);
export type MethodParams = Static<typeof MethodParams>;

/**
 * The hyperparameters every method declares, with their fixed ranges (methods.md §4). A method
 * chooses only the defaults. `seed` is not a method parameter.
 */
export const STANDARD_PARAMS = {
  epochs: { type: 'int', min: 1, max: 500 },
  lr: { type: 'float', min: 0, max: 1, minExclusive: true, maxExclusive: true, scale: 'log' },
  batchSize: { type: 'int', min: 2, max: 1024 },
} as const;

const descriptorValidator = lazyValidator<MethodDescriptor>(MethodDescriptor);
const validatorByType = { int: lazyValidator(IntParam), float: lazyValidator(FloatParam), enum: lazyValidator(EnumParam), bool: lazyValidator(BoolParam) };

/**
 * The first structural problem of a descriptor as one line, or null when its shape is right.
 * The engine's `validateDescriptor` adds the rules JSON Schema cannot express (ranges hold their
 * defaults, the standard parameters are present, keys are unique).
 *
 *   descriptorShapeProblem({id: 'Bad id'}) // "/id must match pattern …"
 */
export function descriptorShapeProblem(x: unknown): string | null {
  const check = descriptorValidator();
  if (check(x)) return null;
  const e = check.errors?.[0];
  // A bad parameter fails every branch of the union; re-check it alone for a specific message.
  const params = (x as { params?: unknown })?.params;
  if (e?.instancePath.startsWith('/params/') && Array.isArray(params)) {
    const i = Number(e.instancePath.split('/')[2]);
    const spec = params[i] as { key?: unknown; type?: unknown } | undefined;
    const name = typeof spec?.key === 'string' ? spec.key : `params[${i}]`;
    const branch = validatorByType[spec?.type as keyof typeof validatorByType]?.();
    if (!branch) return `parameter ${name}: type must be int, float, enum or bool (got ${String(spec?.type)})`;
    if (!branch(spec)) return `parameter ${name}: ${message(branch.errors?.[0])}`;
  }
  return message(e);
}

function message(e: ErrorObject | undefined): string {
  if (e === undefined) return 'invalid descriptor';
  const path = e.instancePath === '' ? '' : `${e.instancePath} `;
  if (e.keyword === 'additionalProperties') return `${path}has unknown field ${(e.params as { additionalProperty: string }).additionalProperty}`;
  if (e.keyword === 'required') return `${path}is missing ${(e.params as { missingProperty: string }).missingProperty}`;
  return `${path}${e.message ?? 'is invalid'}`;
}
