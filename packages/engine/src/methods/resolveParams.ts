import type { FloatParam, MethodDescriptor, MethodParams, ParamSpec, ParamValue } from '@mu/schema';

/**
 * A method's hyperparameters, validated, with every default filled in (methods.md §4 step 1).
 * Values are JSON values of the declared type: a number for `int`/`float`, a boolean for `bool`,
 * never a string standing for one (`"0.001"`, `"0x1"`, `" 1 "`), so one setting has one form
 * (command-line text is converted first: `paramsFromText`). Parameters resolve in declaration order, so a
 * `defaultFrom`/`maxFrom` reference (SCRUB's `maxSteps` ≤ `epochs`) sees the resolved value.
 * Errors are one line naming the field.
 *
 *   resolveParams(ga.descriptor, { lr: 1e-3 }) // { epochs: 7, lr: 0.001, batchSize: 256, gradClip: 100 }
 *   resolveParams(ga.descriptor, { lr: 2 })    // throws "invalid lr: 2 (expected a number in (0, 1))"
 */
export function resolveParams(descriptor: MethodDescriptor, input: Readonly<Record<string, unknown>> = {}): MethodParams {
  const known = new Set(descriptor.params.map((p) => p.key));
  for (const key of Object.keys(input)) {
    if (!known.has(key)) throw new Error(`unknown parameter for ${descriptor.id}: ${key} (expected ${[...known].join(', ')})`);
  }
  const resolved: MethodParams = {};
  for (const spec of descriptor.params) {
    const value = input[spec.key];
    resolved[spec.key] = value === undefined ? defaultValue(spec, resolved) : checkValue(spec, value, resolved);
  }
  return resolved;
}

function defaultValue(spec: ParamSpec, resolved: MethodParams): ParamValue {
  if (spec.type === 'int' && spec.defaultFrom !== undefined) return resolved[spec.defaultFrom];
  return spec.default;
}

function checkValue(spec: ParamSpec, value: unknown, resolved: MethodParams): ParamValue {
  switch (spec.type) {
    case 'int': {
      const n = numberOf(spec, value);
      const max = spec.maxFrom === undefined ? spec.max : Math.min(spec.max, resolved[spec.maxFrom] as number);
      if (!Number.isInteger(n) || n < spec.min || n > max) {
        fail(spec, value, `an integer ${spec.min}..${max}${spec.maxFrom === undefined ? '' : `, at most ${spec.maxFrom}`}`);
      }
      return n;
    }
    case 'float': {
      const n = numberOf(spec, value);
      if (!Number.isFinite(n) || !inRange(spec, n)) fail(spec, value, `a number in ${rangeText(spec)}`);
      return n;
    }
    case 'enum': {
      const values = spec.options.map((o) => o.value);
      if (typeof value !== 'string' || !values.includes(value)) fail(spec, value, `one of ${values.join(', ')}`);
      return value as string;
    }
    case 'bool':
      if (typeof value === 'boolean') return value;
      return fail(spec, value, typeof value === 'string' ? 'true or false, not a string' : 'true or false');
  }
}

function numberOf(spec: ParamSpec, value: unknown): number {
  if (typeof value === 'string') fail(spec, value, 'a JSON number, not a string');
  return typeof value === 'number' ? value : Number.NaN;
}

/** Whether n lies in the parameter's range, honouring open ends. */
export function inRange(spec: Pick<FloatParam, 'min' | 'max' | 'minExclusive' | 'maxExclusive'>, n: number): boolean {
  return (spec.minExclusive ? n > spec.min : n >= spec.min) && (spec.maxExclusive ? n < spec.max : n <= spec.max);
}

/** `(0, 1)`, `[0, 1000]`, `[0, 1)`. */
export function rangeText(spec: Pick<FloatParam, 'min' | 'max' | 'minExclusive' | 'maxExclusive'>): string {
  return `${spec.minExclusive ? '(' : '['}${spec.min}, ${spec.max}${spec.maxExclusive ? ')' : ']'}`;
}

function fail(spec: ParamSpec, value: unknown, expected: string): never {
  const shown = JSON.stringify(value) ?? String(value);
  throw new Error(`invalid ${spec.key}: ${shown} (expected ${expected})`);
}
