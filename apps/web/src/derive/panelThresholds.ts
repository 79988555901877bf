import { type AttackMetric, argmax, commonIndex, maxSuccessIndex, type MergedCurve, type Strategy, thresholdAt } from './thresholdStrategies.js';

/** What one attack panel (Model A or B vs its Retrained record) knows. */
export interface PanelInputs {
  merged: MergedCurve | null;
  /** The model's and the Retrained model's subset values of the current metric (null while unknown). */
  model: readonly number[] | null;
  retrained: readonly number[] | null;
}

export interface ThresholdSettings {
  metric: AttackMetric;
  strategy: Strategy;
  customThreshold: Record<AttackMetric, number>;
  worstCase: { panel: 'A' | 'B'; threshold: number } | null;
}

/** The threshold a panel uses under the current strategy (ui.md §4.2). */
export function panelThreshold(panel: 'A' | 'B', panels: Record<'A' | 'B', PanelInputs>, s: ThresholdSettings): number {
  const { merged, model, retrained } = panels[panel];
  const custom = s.customThreshold[s.metric];
  if (s.strategy === 'custom' || !merged) return custom;
  if (s.worstCase && s.worstCase.panel === panel) return s.worstCase.threshold;
  if (s.strategy === 'maxScore') return thresholdAt(s.metric, argmax(merged.score));
  if (s.strategy === 'common') return thresholdAt(s.metric, commonIndex(panels.A.merged, panels.B.merged));
  return model && retrained ? thresholdAt(s.metric, maxSuccessIndex(model, retrained, merged, s.metric)) : custom;
}
