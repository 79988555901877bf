import type { StateCreator } from 'zustand';
import type { SortState } from '../derive/sortRows.js';
import type { Highlight } from '../derive/embeddingPoints.js';
import type { AppState } from './store.js';
import { readTablePrefs, writeTablePrefs } from './tablePrefs.js';

export type Split = 'train' | 'test';

/** View options: table sort and filters, Train/Test per section, matrix mode, CKA reference, highlight, alignment. */
export interface UiSlice {
  sort: SortState;
  methodFilter: string[];
  /** Brushed ranges of the parallel-coordinates view, by axis key. */
  brushes: Record<string, [number, number]>;
  /** Parallel-coordinates axis order (axis keys; axes not listed keep their default place). */
  pcOrder: string[];
  /** Keys of the flipped parallel-coordinates axes. */
  pcFlipped: string[];
  splitAccuracy: Split;
  splitMatrix: Split;
  splitCka: Split;
  matrixMode: 'split' | 'bubble';
  ckaAgainst: 'original' | 'retrained';
  highlight: Highlight;
  aligned: boolean;
  /** The Screen's parallel-coordinates view is open. */
  parallelOpen: boolean;
  cvdSafe: boolean;
  /** Hyperparameter columns the user added to the table (column chooser). */
  extraColumns: string[];
  /** Table expanded (every row) or collapsed (about 5 rows under a sticky header). */
  tableExpanded: boolean;
  setExtraColumns(keys: string[]): void;
  setTableExpanded(expanded: boolean): void;
  setSort(sort: SortState): void;
  setMethodFilter(methods: string[]): void;
  setBrush(key: string, range: [number, number] | null): void;
  setPcOrder(order: string[]): void;
  togglePcFlip(key: string): void;
  setUi(patch: Partial<Pick<UiSlice, 'splitAccuracy' | 'splitMatrix' | 'splitCka' | 'matrixMode' | 'ckaAgainst' | 'highlight' | 'aligned' | 'parallelOpen' | 'cvdSafe'>>): void;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set, get) => ({
  sort: null,
  methodFilter: [],
  brushes: {},
  pcOrder: [],
  pcFlipped: [],
  splitAccuracy: 'train',
  splitMatrix: 'train',
  splitCka: 'train',
  matrixMode: 'split',
  ckaAgainst: 'original',
  highlight: 'all',
  aligned: false,
  parallelOpen: false,
  cvdSafe: false,
  ...readTablePrefs(),
  setExtraColumns: (extraColumns) => {
    set({ extraColumns });
    writeTablePrefs({ extraColumns, tableExpanded: get().tableExpanded });
  },
  setTableExpanded: (tableExpanded) => {
    set({ tableExpanded });
    writeTablePrefs({ extraColumns: get().extraColumns, tableExpanded });
  },
  setSort: (sort) => set({ sort }),
  setMethodFilter: (methodFilter) => set({ methodFilter }),
  setBrush: (key, range) => {
    const brushes = { ...get().brushes };
    if (range === null) delete brushes[key];
    else brushes[key] = range;
    set({ brushes });
  },
  setPcOrder: (pcOrder) => set({ pcOrder }),
  togglePcFlip: (key) => {
    const flipped = get().pcFlipped;
    set({ pcFlipped: flipped.includes(key) ? flipped.filter((k) => k !== key) : [...flipped, key] });
  },
  setUi: (patch) => set(patch),
});
