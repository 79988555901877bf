import type { StateCreator } from 'zustand';
import type { Group } from '../derive/instanceSet.js';
import type { AppState } from './store.js';

/**
 * The active instance set (ui.md §6 item 6) as image keys (`EmbeddingPoints.keys`: the dataset
 * image index, or the sample position when the record lacks indices), and the lasso selection
 * drawn in either embedding plot. Views emphasise the set's instances and fade the rest.
 */
export interface InstanceSetSlice {
  /** null: no set active, nothing is faded. */
  instanceSet: { keys: ReadonlySet<number>; label: string } | null;
  /** The filter expression the set is evaluated from (null: no filter; shared in the URL). */
  instanceSetExpr: Group | null;
  /** Keys inside the last lasso (null: no lasso drawn). */
  lassoKeys: readonly number[] | null;
  setInstanceSet(set: InstanceSetSlice['instanceSet']): void;
  setInstanceSetExpr(expr: Group | null): void;
  setLassoKeys(keys: readonly number[] | null): void;
}

export const createInstanceSetSlice: StateCreator<AppState, [], [], InstanceSetSlice> = (set) => ({
  instanceSet: null,
  instanceSetExpr: null,
  lassoKeys: null,
  setInstanceSet: (instanceSet) => set({ instanceSet }),
  setInstanceSetExpr: (instanceSetExpr) => set(instanceSetExpr ? { instanceSetExpr } : { instanceSetExpr: null, instanceSet: null }),
  setLassoKeys: (lassoKeys) => set({ lassoKeys }),
});
