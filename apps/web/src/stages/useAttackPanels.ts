import { useEffect, useMemo } from 'react';
import type { ResultRecord } from '../api/types.js';
import { type PanelInputs, panelThreshold } from '../derive/panelThresholds.js';
import { type Direction, gridIndex, mergedCurve } from '../derive/thresholdStrategies.js';
import { useAppStore } from '../stores/store.js';
import { useAB } from './useAB.js';

export interface AttackPanel extends PanelInputs {
  record: ResultRecord;
  /** The Retrained record this one was attacked against (null while it loads or when none). */
  retrainedRecord: ResultRecord | null;
  threshold: number;
  /** The merged curve's direction at the threshold (null without curves). */
  direction: Direction | null;
}

function useRetrained(record: ResultRecord | null): ResultRecord | null {
  const id = record?.references.retrainedModelId ?? null;
  const r = useAppStore((s) => (id ? s.full[id] ?? null : null));
  useEffect(() => {
    if (id) void useAppStore.getState().loadFull(id);
  }, [id]);
  return r;
}

/** Both attack panels of the current A and B: curves, values, thresholds and directions (null until A and B load). */
export function useAttackPanels(): Record<'A' | 'B', AttackPanel> | null {
  const { a, b } = useAB();
  const ra = useRetrained(a);
  const rb = useRetrained(b);
  const metric = useAppStore((s) => s.metric);
  const strategy = useAppStore((s) => s.strategy);
  const customThreshold = useAppStore((s) => s.customThreshold);
  const worstCase = useAppStore((s) => s.worstCase);
  return useMemo(() => {
    if (!a || !b) return null;
    const inputs = (rec: ResultRecord, ret: ResultRecord | null): PanelInputs => ({
      merged: rec.attack ? mergedCurve(rec.attack.subset, metric) : null,
      model: rec.attack ? rec.attack.subset[metric] : null,
      retrained: ret?.attack ? ret.attack.subset[metric] : null,
    });
    const panels = { A: inputs(a, ra), B: inputs(b, rb) };
    const settings = { metric, strategy, customThreshold, worstCase };
    const panel = (which: 'A' | 'B', record: ResultRecord, retrainedRecord: ResultRecord | null): AttackPanel => {
      const threshold = panelThreshold(which, panels, settings);
      const merged = panels[which].merged;
      return { ...panels[which], record, retrainedRecord, threshold, direction: merged ? merged.direction[gridIndex(metric, threshold)] : null };
    };
    return { A: panel('A', a, ra), B: panel('B', b, rb) };
  }, [a, b, ra, rb, metric, strategy, customThreshold, worstCase]);
}
