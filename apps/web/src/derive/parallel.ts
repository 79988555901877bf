import type { ResultHeadline } from '../api/types.js';

export interface PcAxis {
  key: string;
  label: string;
  kind: 'category' | 'linear' | 'log';
  /** Categories (method labels) for a category axis. */
  categories?: string[];
  domain: [number, number];
}

/** The value of a row on an axis (a category's position for the method axis); null when missing. */
export function pcValue(row: ResultHeadline, axis: PcAxis): number | null {
  if (axis.key === 'method') return axis.categories!.indexOf(row.method.label);
  if (axis.key === 'seed') return row.seed;
  if (axis.key in row.metrics) {
    const v = row.metrics[axis.key as keyof ResultHeadline['metrics']];
    return typeof v === 'number' && (axis.kind !== 'log' || v > 0) ? v : null;
  }
  const v = row.hyperparameters[axis.key];
  return typeof v === 'number' && (axis.kind !== 'log' || v > 0) ? v : null;
}

const METRIC_AXES: [string, string][] = [['UA', 'UA'], ['RA', 'RA'], ['TUA', 'TUA'], ['TRA', 'TRA'], ['PS', 'PS'], ['RTE', 'RT (s)']];
const LOG = new Set(['lr', 'batchSize', 'RTE']);
/** The hyperparameters every method has; the others get an axis only when one method is filtered. */
export const GENERIC_HYPERPARAMETERS = ['epochs', 'batchSize', 'lr'];

const numericKeys = (rows: readonly ResultHeadline[]) => new Set(rows.flatMap((r) => Object.keys(r.hyperparameters).filter((k) => typeof r.hyperparameters[k] === 'number')));

/**
 * Axes of the parallel-coordinates view (ui.md §6 item 4): method, the numeric hyperparameters of
 * the unlearned rows (epochs, batch size and lr first; method-specific ones only when `methodFilter`
 * selects exactly one method, taken from that method's rows), seed, then UA, RA, TUA, TRA, PS and
 * RTE; lr, batch size and RTE on log scales. Axes without any value are left out.
 */
export function parallelAxes(rows: readonly ResultHeadline[], methodFilter: readonly string[] = []): PcAxis[] {
  const unlearned = rows.filter((r) => r.role === 'unlearned');
  const generic = numericKeys(unlearned);
  const first = GENERIC_HYPERPARAMETERS.filter((k) => generic.has(k));
  const specific = methodFilter.length === 1 ? [...numericKeys(unlearned.filter((r) => r.method.id === methodFilter[0]))].filter((k) => !first.includes(k)).sort() : [];
  const draft: PcAxis[] = [
    { key: 'method', label: 'Method', kind: 'category', categories: [...new Set(rows.map((r) => r.method.label))], domain: [0, 0] },
    ...[...first, ...specific].map((k): PcAxis => ({ key: k, label: k === 'batchSize' ? 'BS' : k, kind: LOG.has(k) ? 'log' : 'linear', domain: [0, 0] })),
    { key: 'seed', label: 'Seed', kind: 'linear', domain: [0, 0] },
    ...METRIC_AXES.map(([k, label]): PcAxis => ({ key: k, label, kind: LOG.has(k) ? 'log' : 'linear', domain: [0, 0] })),
  ];
  const out: PcAxis[] = [];
  for (const axis of draft) {
    const source = axis.key === 'method' || axis.key in (rows[0]?.metrics ?? {}) || axis.key === 'seed' ? rows : unlearned;
    const values = source.map((r) => pcValue(r, axis)).filter((v): v is number => v !== null);
    if (values.length === 0) continue;
    let lo = Math.min(...values), hi = Math.max(...values);
    // A constant axis keeps its one value as domain [v, v]: the chart centres it, inventing no range.
    if (axis.kind === 'category') [lo, hi] = [0, Math.max(1, axis.categories!.length - 1)];
    out.push({ ...axis, domain: [lo, hi] });
  }
  return out;
}

/** A brushed range rounded to 4 significant digits, so that it reads back exactly from the URL. */
export function roundBrush(range: readonly [number, number]): [number, number] {
  const [lo, hi] = [Math.min(...range), Math.max(...range)].map((v) => Number(v.toPrecision(4)));
  return [lo, hi];
}

/**
 * Rows inside every brushed range (inclusive). References stay visible, as under the method
 * filter; a row without a value on a brushed axis is filtered out. A brush on a key missing
 * from `axes` reads the plain value of that key.
 */
export function brushRows(rows: readonly ResultHeadline[], axes: readonly PcAxis[], brushes: Record<string, [number, number]>): ResultHeadline[] {
  const active = Object.keys(brushes).map((key): PcAxis => axes.find((a) => a.key === key) ?? { key, label: key, kind: 'linear', domain: [0, 0] });
  if (active.length === 0) return [...rows];
  return rows.filter((r) => r.role !== 'unlearned' || active.every((a) => {
    const v = pcValue(r, a);
    const [lo, hi] = brushes[a.key];
    return v !== null && v >= Math.min(lo, hi) && v <= Math.max(lo, hi);
  }));
}
