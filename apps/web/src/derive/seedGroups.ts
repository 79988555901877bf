import { type MeanSd, meanSd } from '@mu/schema';
import type { ResultHeadline } from '../api/types.js';
import type { MetricKey } from './rankColours.js';
import { type SortState, sortRows } from './sortRows.js';

const METRICS: readonly MetricKey[] = ['UA', 'RA', 'TUA', 'TRA', 'RTE', 'PS'];

/** Records whose configuration differs only by seed (ui.md §6 item 7). */
export interface SeedGroup {
  /** The smallest member id: stable under any sort or filter that keeps that member. */
  id: string;
  /** Members in display order. */
  members: ResultHeadline[];
  stats: Record<MetricKey, MeanSd | null>;
}

export type TableItem = { kind: 'row'; row: ResultHeadline } | { kind: 'group'; group: SeedGroup };

/** What a seed group shares: role, method, base model and every hyperparameter; null for references (never grouped). */
export function configKey(r: ResultHeadline): string | null {
  if (r.role !== 'unlearned') return null;
  const hyper = Object.keys(r.hyperparameters).sort().map((k) => [k, r.hyperparameters[k]]);
  return JSON.stringify([r.role, r.method.id, r.baseModelId, hyper]);
}

function groupStats(members: readonly ResultHeadline[]): SeedGroup['stats'] {
  const values = (k: MetricKey) => members.map((m) => m.metrics[k]).filter((v): v is number => v !== null);
  return Object.fromEntries(METRICS.map((k) => [k, meanSd(values(k))])) as SeedGroup['stats'];
}

/** A group as one row for sorting: its shared configuration with the mean metrics and no seed. */
function sortProxy(g: SeedGroup): ResultHeadline {
  const first = g.members[0];
  const metrics = { ...first.metrics };
  for (const k of METRICS) metrics[k] = g.stats[k]?.mean ?? null;
  const createdAt = g.members.map((m) => m.createdAt ?? '').sort()[0] || null;
  return { ...first, id: g.id, seed: null, createdAt, metrics };
}

/**
 * The table's items in display order: records that share a configuration (configKey) form one
 * group when there are at least two of them; everything else stays a single row. Groups sort by
 * their mean (sortRows' rules), and their members by the same sort.
 *
 *   seedGroups(rows, { key: 'UA', dir: 'asc' })
 */
export function seedGroups(rows: readonly ResultHeadline[], sort: SortState): TableItem[] {
  const byKey = new Map<string, ResultHeadline[]>();
  for (const r of rows) {
    const k = configKey(r);
    if (k !== null) byKey.set(k, [...(byKey.get(k) ?? []), r]);
  }
  const items = new Map<ResultHeadline, TableItem>();
  const seen = new Set<string>();
  for (const r of rows) {
    const k = configKey(r);
    const same = k === null ? [] : byKey.get(k)!;
    if (same.length < 2) items.set(r, { kind: 'row', row: r });
    else if (!seen.has(k!)) {
      seen.add(k!);
      const group: SeedGroup = { id: same.map((m) => m.id).sort()[0], members: sortRows(same, sort), stats: groupStats(same) };
      items.set(sortProxy(group), { kind: 'group', group });
    }
  }
  return sortRows([...items.keys()], sort).map((r) => items.get(r)!);
}
