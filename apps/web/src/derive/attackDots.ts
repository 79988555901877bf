import { type AttackMetric, GRID } from './thresholdStrategies.js';

export const BIN_WIDTH: Record<AttackMetric, number> = { entropy: 0.05, confidence: 0.25 };

export interface Dot {
  /** Position in the attack subset. */
  i: number;
  side: 'retrained' | 'model';
  value: number;
  /** Bin centre on the metric axis. */
  binValue: number;
  /** 1-based stack position outward from the centre line. */
  stack: number;
}

/**
 * Butterfly dot histogram (ui.md §4.3): values binned at 0.05 (entropy) or 0.25 (confidence),
 * out-of-range values in the end bins, each sample one dot stacked outward from the centre.
 */
export function attackDots(model: readonly number[], retrained: readonly number[], metric: AttackMetric): { dots: Dot[]; maxStack: number } {
  const g = GRID[metric];
  const w = BIN_WIDTH[metric];
  const bins = Math.round((g.hi - g.lo) / w);
  const dots: Dot[] = [];
  let maxStack = 0;
  for (const [side, values] of [['retrained', retrained], ['model', model]] as const) {
    const counts = new Array<number>(bins).fill(0);
    values.forEach((value, i) => {
      const b = Math.min(bins - 1, Math.max(0, Math.floor((value - g.lo) / w)));
      counts[b]++;
      maxStack = Math.max(maxStack, counts[b]);
      dots.push({ i, side, value, binValue: g.lo + (b + 0.5) * w, stack: counts[b] });
    });
  }
  return { dots, maxStack };
}
