import type { StateCreator } from 'zustand';
import type { AppState } from './store.js';

/**
 * The hovered embedding sample (position in the sample) and the clicked one. Plots read the hover
 * through `useAppStore.subscribe` into a ref (transient updates), so 2,000 points never re-render.
 */
export interface HoverSlice {
  hoveredSample: number | null;
  openedSample: { index: number; x: number; y: number; source: 'A' | 'B' } | null;
  setHoveredSample(i: number | null): void;
  openSample(sample: HoverSlice['openedSample']): void;
}

export const createHoverSlice: StateCreator<AppState, [], [], HoverSlice> = (set) => ({
  hoveredSample: null,
  openedSample: null,
  setHoveredSample: (hoveredSample) => set({ hoveredSample }),
  openSample: (openedSample) => set({ openedSample }),
});
