import type { StateCreator } from 'zustand';
import type { AttackMetric, Strategy } from '../derive/thresholdStrategies.js';
import type { AppState } from './store.js';

export const DEFAULT_CUSTOM: Record<AttackMetric, number> = { entropy: 1.25, confidence: 3.75 };

/** The attack view: metric, threshold strategy, and the custom threshold remembered per metric. */
export interface AttackSlice {
  metric: AttackMetric;
  strategy: Strategy;
  customThreshold: Record<AttackMetric, number>;
  /** Worst-case pick: the panel whose threshold it set, with that threshold. */
  worstCase: { panel: 'A' | 'B'; threshold: number } | null;
  setMetric(metric: AttackMetric): void;
  setStrategy(strategy: Strategy): void;
  setCustomThreshold(value: number): void;
  applyWorstCase(panel: 'A' | 'B', metric: AttackMetric, threshold: number): void;
}

export const createAttackSlice: StateCreator<AppState, [], [], AttackSlice> = (set, get) => ({
  metric: 'entropy',
  strategy: 'custom',
  customThreshold: { ...DEFAULT_CUSTOM },
  worstCase: null,
  setMetric: (metric) => set({ metric, worstCase: null }),
  setStrategy: (strategy) => set({ strategy, worstCase: null }),
  setCustomThreshold: (value) => set({ customThreshold: { ...get().customThreshold, [get().metric]: value }, strategy: 'custom', worstCase: null }),
  applyWorstCase: (panel, metric, threshold) => set({ metric, strategy: 'maxScore', worstCase: { panel, threshold } }),
});
