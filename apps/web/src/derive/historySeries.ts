import type { ResultRecord } from '../api/types.js';

/** At most this many points per series in the training-history chart (ui.md §2.3). */
export const MAX_HISTORY_POINTS = 20;

export type HistorySeriesKey = 'UA' | 'RA' | 'TUA' | 'TRA' | 'PS' | 'loss' | 'forgetAccuracy';
export type HistoryMarker = 'times' | 'circle' | 'star' | 'square' | 'triangle';

export interface HistorySeries {
  key: HistorySeriesKey;
  label: string;
  colour: string;
  /** SVG dash array; null for a solid line. */
  dash: string | null;
  marker: HistoryMarker;
  points: { epoch: number; value: number }[];
}

type Style = Pick<HistorySeries, 'label' | 'colour' | 'dash' | 'marker'>;
const EPOCH_METRIC_STYLES: Record<'UA' | 'RA' | 'TUA' | 'TRA' | 'PS', Style> = {
  UA: { label: 'UA', colour: '#2A6218', dash: '3 3', marker: 'times' },
  RA: { label: 'RA', colour: '#2A6218', dash: null, marker: 'circle' },
  TUA: { label: 'TUA', colour: '#67CA4D', dash: '3 3', marker: 'times' },
  TRA: { label: 'TRA', colour: '#67CA4D', dash: null, marker: 'circle' },
  PS: { label: 'PS', colour: '#D54B04', dash: '8 3 2 3', marker: 'star' },
};

/**
 * Up to `max` indices of `n` items, evenly spread, always including the first and the last.
 * @example sampleIndices(5, 3) // [0, 2, 4]
 */
export function sampleIndices(n: number, max = MAX_HISTORY_POINTS): number[] {
  const m = Math.min(n, max);
  if (m <= 1) return m === 1 ? [0] : [];
  // With n > m the spacing exceeds 1, so rounding never repeats an index.
  return Array.from({ length: m }, (_, k) => Math.round((k * (n - 1)) / (m - 1)));
}

function sampled(epochs: readonly number[], values: readonly (number | null)[]): HistorySeries['points'] {
  return sampleIndices(epochs.length)
    .map((i) => ({ epoch: epochs[i], value: values[i] }))
    .filter((p): p is { epoch: number; value: number } => p.value !== null && Number.isFinite(p.value));
}

/** The loss scaled to [0, 1]: divided by its maximum, or min–max scaled when it goes below 0. */
export function lossScale(losses: readonly (number | null)[]): { lo: number; hi: number; label: string } | null {
  const known = losses.filter((v): v is number => v !== null && Number.isFinite(v));
  if (known.length === 0) return null;
  const lo = Math.min(0, ...known);
  const hi = Math.max(...known);
  const fmt = (v: number) => +v.toPrecision(3);
  return { lo, hi, label: lo === 0 ? `loss ÷ ${fmt(hi)} (normalised)` : `loss, ${fmt(lo)}…${fmt(hi)} → 0…1` };
}

/**
 * The series of the training-history chart (ui.md §2.3), each sampled to ≤ 20 epochs keeping the
 * first and last: loss (normalised) and forget accuracy per epoch from `history`, then UA, RA,
 * TUA, TRA and PS when `epochMetrics` exists (its index 0 is epoch 0, before training). Series
 * without any value are left out.
 */
export function historySeries(record: Pick<ResultRecord, 'history' | 'epochMetrics'>): HistorySeries[] {
  const out: HistorySeries[] = [];
  const { history, epochMetrics } = record;
  const epochs = history.map((e) => e.epoch);
  const scale = lossScale(history.map((e) => e.loss));
  if (scale) {
    const span = scale.hi - scale.lo || 1;
    const values = history.map((e) => (e.loss === null ? null : (e.loss - scale.lo) / span));
    out.push({ key: 'loss', label: scale.label, colour: '#585858', dash: null, marker: 'square', points: sampled(epochs, values) });
  }
  out.push({ key: 'forgetAccuracy', label: 'forget accuracy', colour: '#4E79A7', dash: '1 3', marker: 'triangle', points: sampled(epochs, history.map((e) => e.forgetAccuracy)) });
  if (epochMetrics) {
    for (const key of ['UA', 'RA', 'TUA', 'TRA', 'PS'] as const) {
      const values = epochMetrics[key];
      out.push({ key, ...EPOCH_METRIC_STYLES[key], points: sampled(values.map((_, i) => i), values) });
    }
  }
  return out.filter((s) => s.points.length > 0);
}
