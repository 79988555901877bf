import type { StateCreator } from 'zustand';
import type { AppState } from './store.js';

/** Model A and Model B (record ids; never equal), and when B was last pinned by hand. */
export interface SelectionSlice {
  modelA: string | null;
  modelB: string | null;
  bPinnedAt: number;
  pickA(id: string): void;
  pickB(id: string, byHand?: boolean): void;
}

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set, get) => ({
  modelA: null,
  modelB: null,
  bPinnedAt: 0,
  pickA: (id) => {
    if (id === get().modelB) return;
    set({ modelA: id, metric: 'entropy', strategy: 'custom' });
  },
  pickB: (id, byHand = true) => {
    if (id === get().modelA) return;
    set({ modelB: id, metric: 'entropy', strategy: 'custom', ...(byHand ? { bPinnedAt: Date.now() } : {}) });
  },
});
