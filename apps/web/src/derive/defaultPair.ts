import type { ResultHeadline } from '../api/types.js';
import { defaultOrder } from './defaultOrder.js';

/**
 * Default Model A and B for a class: the Original's and the Retrained model's records, else the
 * first rows in default order; B is null when there is a single row (ui.md §2.2).
 */
export function defaultPair(rows: readonly ResultHeadline[]): { a: string | null; b: string | null } {
  const ordered = defaultOrder(rows);
  // Engine-built references win over imported ones (their ids are not ref…).
  const pick = (role: ResultHeadline['role']) => ordered.find((r) => r.role === role && r.source !== 'import') ?? ordered.find((r) => r.role === role);
  let a = pick('original')?.id ?? null;
  let b = pick('retrained')?.id ?? null;
  const rest = ordered.map((r) => r.id).filter((id) => id !== a && id !== b);
  if (a === null) a = rest.shift() ?? null;
  if (b === null) b = rest.find((id) => id !== a) ?? null;
  return { a, b };
}
