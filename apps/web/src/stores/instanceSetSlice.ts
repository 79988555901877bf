import type { StateCreator } from 'zustand';
import type { AppState } from './store.js';

/**
 * The active instance set (ui.md §6 item 6) as image keys (`EmbeddingPoints.keys`: the dataset
 * image index, or the sample position when the record lacks indices), and the lasso selection
 * drawn in either embedding plot. Views emphasise the set's instances and fade the rest.
 */
export interface InstanceSetSlice {
  /** null: no set active, nothing is faded. */
  instanceSet: { keys: ReadonlySet<number>; label: string } | null;
  /** Keys inside the last lasso (null: no lasso drawn). */
  lassoKeys: readonly number[] | null;
  setInstanceSet(set: InstanceSetSlice['instanceSet']): void;
  setLassoKeys(keys: readonly number[] | null): void;
}

export const createInstanceSetSlice: StateCreator<AppState, [], [], InstanceSetSlice> = (set) => ({
  instanceSet: null,
  lassoKeys: null,
  setInstanceSet: (instanceSet) => set({ instanceSet }),
  setLassoKeys: (lassoKeys) => set({ lassoKeys }),
});
