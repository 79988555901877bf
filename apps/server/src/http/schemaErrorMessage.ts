import type { ErrorObject } from 'ajv';

/**
 * One line naming the field, the rule and the value of the first schema error of a request part:
 *
 *   body.forgetClass must be <= 999 (got 1000)
 *   body has unknown field colour
 *   body is missing kind
 *   params.id must match pattern "^[0-9a-f]{8}$" (got a string of 9 characters)
 */
export function schemaErrorMessage(errors: readonly Partial<ErrorObject>[], part: string): string {
  // A failed union reports each branch first; the union's own error says more.
  const e = errors.find((x) => x.keyword === 'anyOf') ?? errors[0];
  if (e === undefined) return `${part} is invalid`;
  const field = `${part}${(e.instancePath ?? '').replaceAll('/', '.')}`;
  const params = (e.params ?? {}) as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return `${field} is missing ${String(params.missingProperty)}`;
    case 'additionalProperties':
      return `${field} has unknown field ${String(params.additionalProperty)}`;
    case 'discriminator': {
      const tag = String(params.tag);
      const value = (e.data as Record<string, unknown> | undefined)?.[tag];
      const allowed = ((e.parentSchema as { oneOf?: { properties?: Record<string, { const?: unknown }> }[] } | undefined)?.oneOf ?? [])
        .map((s) => s.properties?.[tag]?.const)
        .filter((v) => v !== undefined);
      return `${field}.${tag} must be one of ${allowed.join(', ')} (got ${show(value)})`;
    }
    case 'const':
      return `${field} must be ${show(params.allowedValue)} (got ${show(e.data)})`;
    case 'enum':
      return `${field} must be one of ${(params.allowedValues as unknown[]).map(show).join(', ')} (got ${show(e.data)})`;
    case 'anyOf': {
      // TypeBox unions of literals: list the choices.
      const branches = (e.schema as { const?: unknown; type?: string }[] | undefined) ?? [];
      if (branches.length > 0 && branches.every((b) => b.const !== undefined)) return `${field} must be one of ${branches.map((b) => show(b.const)).join(', ')} (got ${show(e.data)})`;
      if (branches.length > 0 && branches.every((b) => typeof b.type === 'string')) return `${field} must be ${branches.map((b) => b.type).join(' or ')} (got ${show(e.data)})`;
      return `${field} has the wrong shape (got ${show(e.data)})`;
    }
    default:
      return `${field} ${e.message ?? 'is invalid'} (got ${show(e.data)})`;
  }
}

/** Strings of these characters are quoted back; anything else (a path, markup, an escape) is only described. */
const PLAIN = /^[\w .,:+@-]*$/;

/**
 * The offending value as the message shows it: numbers, booleans and plain short strings as JSON;
 * other strings, arrays and objects described by their kind and size, never serialised (a value
 * nested thousands of levels deep would overflow the stack, and input is not echoed back).
 */
function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') {
    if (!PLAIN.test(value)) return `a string of ${value.length} characters`;
    const text = JSON.stringify(value);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  }
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `an array of ${value.length}`;
  return Object.keys(value as object).length === 0 ? '{}' : 'an object';
}
