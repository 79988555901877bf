import type { StateCreator } from 'zustand';
import type { SortState } from '../derive/sortRows.js';
import type { Highlight } from '../derive/embeddingPoints.js';
import type { AppState } from './store.js';

export type Split = 'train' | 'test';

/** View options: table sort and filters, Train/Test per section, matrix mode, CKA reference, highlight, alignment. */
export interface UiSlice {
  sort: SortState;
  methodFilter: string[];
  /** Brushed ranges of the parallel-coordinates view, by axis key. */
  brushes: Record<string, [number, number]>;
  splitAccuracy: Split;
  splitMatrix: Split;
  splitCka: Split;
  matrixMode: 'split' | 'bubble';
  ckaAgainst: 'original' | 'retrained';
  highlight: Highlight;
  aligned: boolean;
  cvdSafe: boolean;
  setSort(sort: SortState): void;
  setMethodFilter(methods: string[]): void;
  setBrush(key: string, range: [number, number] | null): void;
  setUi(patch: Partial<Pick<UiSlice, 'splitAccuracy' | 'splitMatrix' | 'splitCka' | 'matrixMode' | 'ckaAgainst' | 'highlight' | 'aligned' | 'cvdSafe'>>): void;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set, get) => ({
  sort: null,
  methodFilter: [],
  brushes: {},
  splitAccuracy: 'train',
  splitMatrix: 'train',
  splitCka: 'train',
  matrixMode: 'split',
  ckaAgainst: 'original',
  highlight: 'all',
  aligned: false,
  cvdSafe: false,
  setSort: (sort) => set({ sort }),
  setMethodFilter: (methodFilter) => set({ methodFilter }),
  setBrush: (key, range) => {
    const brushes = { ...get().brushes };
    if (range === null) delete brushes[key];
    else brushes[key] = range;
    set({ brushes });
  },
  setUi: (patch) => set(patch),
});
