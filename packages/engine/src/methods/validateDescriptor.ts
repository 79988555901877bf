import { STANDARD_PARAMS, descriptorShapeProblem, type MethodDescriptor, type ParamSpec } from '@mu/schema';
import { inRange, rangeText } from './resolveParams.js';

/**
 * Checks a method descriptor (methods.md §6): its shape (the TypeBox schema), then the rules a
 * schema cannot state: unique keys, `seed` reserved, every default inside its range, enum
 * defaults among the options, `defaultFrom`/`maxFrom` naming an earlier integer parameter, and
 * `epochs`, `lr`, `batchSize` present with the standard ranges of §4. Throws one line.
 *
 *   validateDescriptor({ ...ft.descriptor, id: 'FT' })
 *   // throws "invalid method descriptor FT: /id must match pattern "^[a-z0-9][a-z0-9-]*$""
 */
export function validateDescriptor(descriptor: unknown): MethodDescriptor {
  const id = (descriptor as { id?: unknown } | null)?.id;
  const fail = (problem: string): never => {
    throw new Error(`invalid method descriptor ${typeof id === 'string' && id !== '' ? id : '(no id)'}: ${problem}`);
  };
  const shape = descriptorShapeProblem(descriptor);
  if (shape !== null) fail(shape);
  const d = descriptor as MethodDescriptor;

  const seen = new Map<string, ParamSpec>();
  for (const spec of d.params) {
    if (seen.has(spec.key)) fail(`duplicate parameter ${spec.key}`);
    if (spec.key === 'seed') fail('seed is set by the run, not declared by a method');
    const problem = paramProblem(spec, seen);
    if (problem !== null) fail(`parameter ${spec.key}: ${problem}`);
    seen.set(spec.key, spec);
  }

  for (const [key, standard] of Object.entries(STANDARD_PARAMS)) {
    const spec = seen.get(key);
    if (!spec) fail(`missing standard parameter ${key}`);
    const { type, min, max } = standard;
    const open = 'minExclusive' in standard;
    const same =
      spec!.type === type &&
      spec!.min === min &&
      spec!.max === max &&
      (spec!.type !== 'float' || (Boolean(spec!.minExclusive) === open && Boolean(spec!.maxExclusive) === open));
    if (!same) fail(`parameter ${key} must be ${type} in ${type === 'int' ? `${min}..${max}` : rangeText(standard)} (the standard range)`);
  }
  return d;
}

function paramProblem(spec: ParamSpec, earlier: ReadonlyMap<string, ParamSpec>): string | null {
  switch (spec.type) {
    case 'int': {
      if (spec.min > spec.max) return `min ${spec.min} exceeds max ${spec.max}`;
      if (spec.default < spec.min || spec.default > spec.max) return `default ${spec.default} outside ${spec.min}..${spec.max}`;
      for (const ref of [spec.defaultFrom, spec.maxFrom]) {
        if (ref !== undefined && earlier.get(ref)?.type !== 'int') return `${ref} must be an integer parameter declared before it`;
      }
      return null;
    }
    case 'float': {
      if (!(spec.min < spec.max)) return `min ${spec.min} must be below max ${spec.max}`;
      if (!inRange(spec, spec.default)) return `default ${spec.default} outside ${rangeText(spec)}`;
      if (spec.scale === 'log' && !(spec.min > 0 || (spec.min === 0 && spec.minExclusive))) return 'a log scale needs a positive range';
      return null;
    }
    case 'enum': {
      const values = spec.options.map((o) => o.value);
      if (new Set(values).size !== values.length) return 'duplicate option values';
      if (!values.includes(spec.default)) return `default ${spec.default} is not one of ${values.join(', ')}`;
      return null;
    }
    case 'bool':
      return null;
  }
}
