import { useEffect, useMemo } from 'react';
import { embeddingPoints, type EmbeddingPoints } from '../derive/embeddingPoints.js';
import { attributedKeys, describeInstanceSet, evaluateInstanceSet, type InstanceRow, type InstanceSetContext, instanceRows, type Model, PRESETS } from '../derive/instanceSet.js';
import { encodeInstanceSet } from '../derive/instanceSetCode.js';
import { useAppStore } from '../stores/store.js';
import { useAB } from './useAB.js';
import { useAttackPanels } from './useAttackPanels.js';

export interface InstanceSetView {
  a: EmbeddingPoints;
  b: EmbeddingPoints;
  /** Every instance of A's and B's samples. */
  rows: InstanceRow[];
  ctx: InstanceSetContext;
  /** The selected rows, their label, code and preset id ('' when no preset matches; null: no filter active). */
  result: { rows: InstanceRow[]; label: string; code: string; presetId: string } | null;
}

const sameKeys = (x: ReadonlySet<number>, y: ReadonlySet<number>) => x.size === y.size && [...x].every((k) => y.has(k));

/**
 * Evaluates the store's instance-set expression over A's and B's embedding samples, with the
 * attack attribution at the current thresholds and the lasso, and publishes the selected keys
 * as `instanceSet` for the plots and grids to emphasise (null while A or B loads).
 */
export function useInstanceSet(classNames: readonly string[]): InstanceSetView | null {
  const { a, b } = useAB();
  const panels = useAttackPanels();
  const metric = useAppStore((s) => s.metric);
  const expr = useAppStore((s) => s.instanceSetExpr);
  const lassoKeys = useAppStore((s) => s.lassoKeys);
  const points = useMemo(() => (a && b && a.config.forgetClass === b.config.forgetClass ? { a: embeddingPoints(a), b: embeddingPoints(b) } : null), [a, b]);
  const rows = useMemo(() => (points ? instanceRows(points.a, points.b) : null), [points]);
  const ctx = useMemo((): InstanceSetContext | null => {
    if (!points || !a) return null;
    const attributed = (m: Model) => {
      const p = panels?.[m];
      if (!p || p.record.role === 'retrained' || !p.model || !p.direction) return null;
      return attributedKeys(m === 'A' ? points.a : points.b, p.model, p.threshold, p.direction, metric);
    };
    return { forgetClass: a.config.forgetClass, a: points.a, b: points.b, attributed: { A: attributed('A'), B: attributed('B') }, lasso: lassoKeys ? new Set(lassoKeys) : null };
  }, [points, a, panels, metric, lassoKeys]);
  const result = useMemo(() => {
    if (!rows || !ctx || !expr || expr.items.length === 0) return null;
    const code = encodeInstanceSet(expr);
    const preset = PRESETS.find((p) => encodeInstanceSet(p.expr) === code);
    return { rows: evaluateInstanceSet(expr, rows, ctx), label: preset?.label ?? describeInstanceSet(expr, classNames), code, presetId: preset?.id ?? '' };
  }, [rows, ctx, expr, classNames]);

  // Both the Contrast and the Attack builder run this hook; publish only a change.
  useEffect(() => {
    if (!rows) return;
    const { instanceSet, setInstanceSet } = useAppStore.getState();
    if (!result) {
      if (instanceSet) setInstanceSet(null);
      return;
    }
    const keys = new Set(result.rows.map((r) => r.key));
    if (!instanceSet || instanceSet.label !== result.label || !sameKeys(instanceSet.keys, keys)) setInstanceSet({ keys, label: result.label });
  }, [rows, result]);

  return points && rows && ctx ? { a: points.a, b: points.b, rows, ctx, result } : null;
}
