import type { ParamSpec, ParamValue } from '@mu/schema';

export const MAX_VALUES = 5;

/** Number of runs a sweep builds: the product of all list lengths, seeds included. */
export function runCount(lists: Readonly<Record<string, readonly unknown[]>>, seeds: readonly number[]): number {
  return Object.values(lists).reduce((n, l) => n * l.length, 1) * seeds.length;
}

/** Why a typed value is not acceptable for a parameter (one line), or null when it is. */
export function paramProblem(spec: ParamSpec, value: ParamValue | ''): string | null {
  if (spec.type === 'bool' || spec.type === 'enum') return null;
  if (value === '' || typeof value !== 'number' || !Number.isFinite(value)) return `${spec.label} must be a number`;
  if (spec.type === 'int' && !Number.isInteger(value)) return `${spec.label} must be a whole number`;
  const minOk = spec.type === 'float' && spec.minExclusive ? value > spec.min : value >= spec.min;
  const maxOk = spec.type === 'float' && spec.maxExclusive ? value < spec.max : value <= spec.max;
  if (!minOk || !maxOk) {
    const lo = spec.type === 'float' && spec.minExclusive ? '(' : '[';
    const hi = spec.type === 'float' && spec.maxExclusive ? ')' : ']';
    return `${spec.label} must be in ${lo}${spec.min}, ${spec.max}${hi}`;
  }
  return null;
}

/** Parses what is typed in a number field; integers truncate decimals as you type (ui.md §1.3). */
export function parseParamInput(spec: ParamSpec, text: string): number | '' {
  if (text.trim() === '') return '';
  const v = Number(text);
  if (!Number.isFinite(v)) return NaN;
  return spec.type === 'int' ? Math.trunc(v) : v;
}

/** Adds a value to a badge list: duplicates ignored, at most MAX_VALUES. */
export function addValue<T>(list: readonly T[], value: T): T[] {
  if (list.includes(value) || list.length >= MAX_VALUES) return [...list];
  return [...list, value];
}
