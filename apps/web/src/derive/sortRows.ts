import type { ResultHeadline } from '../api/types.js';
import { defaultOrder } from './defaultOrder.js';

/** A column; `hp:<key>` is any other hyperparameter (the column chooser's). */
export type SortKey = 'id' | 'method' | 'epochs' | 'batchSize' | 'lr' | 'seed' | 'UA' | 'RA' | 'TUA' | 'TRA' | 'RTE' | 'PS' | `hp:${string}`;
export type SortState = { key: SortKey; dir: 'desc' | 'asc' } | null;

/** The value a column sorts by (null sorts last). */
export function sortValue(row: ResultHeadline, key: SortKey): number | string | null {
  switch (key) {
    case 'id':
      return row.id;
    case 'method':
      return row.method.label;
    case 'seed':
      return row.seed;
    case 'epochs':
    case 'batchSize':
    case 'lr': {
      const v = row.hyperparameters[key];
      return typeof v === 'number' ? v : null;
    }
    case 'UA':
    case 'RA':
    case 'TUA':
    case 'TRA':
    case 'RTE':
    case 'PS':
      return row.metrics[key];
    default: {
      const v = row.hyperparameters[key.slice(3)];
      return typeof v === 'number' || typeof v === 'string' ? v : typeof v === 'boolean' ? Number(v) : null;
    }
  }
}

/** Header click cycle: descending → ascending → off (ui.md §2.1). */
export function nextSort(current: SortState, key: SortKey): SortState {
  if (current?.key !== key) return { key, dir: 'desc' };
  return current.dir === 'desc' ? { key, dir: 'asc' } : null;
}

/** Rows in display order: the default order, or one sort key with nulls always last. */
export function sortRows(rows: readonly ResultHeadline[], sort: SortState): ResultHeadline[] {
  const base = defaultOrder(rows);
  if (!sort) return base;
  const sign = sort.dir === 'asc' ? 1 : -1;
  return base.sort((a, b) => {
    const va = sortValue(a, sort.key);
    const vb = sortValue(b, sort.key);
    if (va === null || vb === null) return va === vb ? 0 : va === null ? 1 : -1;
    return sign * (typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb)));
  });
}

/** The method filter: references always stay visible; an empty filter shows everything. */
export function filterRows(rows: readonly ResultHeadline[], methods: readonly string[]): ResultHeadline[] {
  if (methods.length === 0) return [...rows];
  return rows.filter((r) => r.role !== 'unlearned' || methods.includes(r.method.id));
}
