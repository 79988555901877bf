import { UsageError } from './usageError.js';

/** Reads a numeric option; `undefined` when absent, a UsageError naming the flag when malformed. */
export function numberOption(values: Record<string, unknown>, flag: string): number | undefined {
  const raw = values[flag];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (typeof raw !== 'string' || raw.trim() === '' || !Number.isFinite(n)) {
    throw new UsageError(`invalid --${flag}: ${String(raw)} (expected a number)`);
  }
  return n;
}

/** Reads an integer option the same way. */
export function integerOption(values: Record<string, unknown>, flag: string): number | undefined {
  const n = numberOption(values, flag);
  if (n !== undefined && !Number.isInteger(n)) throw new UsageError(`invalid --${flag}: ${n} (expected an integer)`);
  return n;
}
