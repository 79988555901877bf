/** Readers for fields of a reference-system file: each checks type and range and names the field on failure. */

/** One-line error naming the field and its value. */
export function fieldError(path: string, value: unknown, expected: string): Error {
  return new Error(`invalid reference field ${path}: ${show(value)} (expected ${expected})`);
}

function show(v: unknown): string {
  const text = v === undefined ? 'missing' : (JSON.stringify(v) ?? String(v));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** "N/A" and "NaN" are the reference system's missing values; ours are null. */
export function isMissing(v: unknown): boolean {
  return v === 'N/A' || v === 'NaN' || v === null;
}

export function num(path: string, v: unknown, min = -Infinity, max = Infinity): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
    throw fieldError(path, v, min === -Infinity && max === Infinity ? 'a number' : `a number in [${min}, ${max}]`);
  }
  return v;
}

export function numOrNull(path: string, v: unknown, min = -Infinity, max = Infinity): number | null {
  return isMissing(v) ? null : num(path, v, min, max);
}

export function int(path: string, v: unknown, min = -Infinity, max = Infinity): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw fieldError(path, v, `an integer${min === -Infinity ? '' : ` in [${min}, ${max}]`}`);
  }
  return v;
}

export function str(path: string, v: unknown): string {
  if (typeof v !== 'string') throw fieldError(path, v, 'a string');
  return v;
}

export function arr(path: string, v: unknown, length?: number): unknown[] {
  if (!Array.isArray(v) || (length !== undefined && v.length !== length)) {
    throw fieldError(path, v, length === undefined ? 'an array' : `an array of ${length}`);
  }
  return v;
}

export function obj(path: string, v: unknown): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw fieldError(path, v, 'an object');
  return v as Record<string, unknown>;
}

/** An array of numbers in [min, max]. */
export function nums(path: string, v: unknown, length?: number, min = -Infinity, max = Infinity): number[] {
  return arr(path, v, length).map((x, i) => num(`${path}[${i}]`, x, min, max));
}

/** A C × C matrix stored as `{ gt_0: row, …, gt_{C−1}: row }`, rows in key order. */
export function gtMatrix(path: string, v: unknown, numClasses: number): number[][] {
  const o = obj(path, v);
  return Array.from({ length: numClasses }, (_, c) => nums(`${path}.gt_${c}`, o[`gt_${c}`], numClasses, 0, 1));
}
