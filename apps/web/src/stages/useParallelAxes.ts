import { useEffect, useMemo } from 'react';
import type { ResultHeadline } from '../api/types.js';
import { arrangeAxes } from '../derive/axisOrder.js';
import { brushRows, type PcAxis, parallelAxes } from '../derive/parallel.js';
import { filterRows } from '../derive/sortRows.js';
import { useAppStore } from '../stores/store.js';

/**
 * The parallel-coordinates axes in the user's order (method-specific ones only under a
 * one-method filter), the flipped axes, and the ids the table shows (method filter and brushes).
 * A brush whose axis is no longer shown is removed once the rows have loaded, so that the table
 * never filters by an axis the user cannot see.
 */
export function useParallelAxes(rows: readonly ResultHeadline[]): { axes: PcAxis[]; flipped: ReadonlySet<string>; visible: ReadonlySet<string> } {
  const brushes = useAppStore((s) => s.brushes);
  const methodFilter = useAppStore((s) => s.methodFilter);
  const order = useAppStore((s) => s.pcOrder);
  const flippedKeys = useAppStore((s) => s.pcFlipped);
  const ready = useAppStore((s) => s.rowsStatus === 'ready');
  const shown = useMemo(() => parallelAxes(rows, methodFilter), [rows, methodFilter]);
  const axes = useMemo(() => arrangeAxes(shown, order), [shown, order]);
  const flipped = useMemo(() => new Set(flippedKeys), [flippedKeys]);
  const visible = useMemo(() => new Set(brushRows(filterRows(rows, methodFilter), shown, brushes).map((r) => r.id)), [rows, shown, methodFilter, brushes]);
  useEffect(() => {
    if (!ready || rows.length === 0) return;
    for (const key of Object.keys(brushes)) if (!shown.some((a) => a.key === key)) useAppStore.getState().setBrush(key, null);
  }, [ready, rows, shown, brushes]);
  return { axes, flipped, visible };
}
