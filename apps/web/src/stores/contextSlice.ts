import type { StateCreator } from 'zustand';
import type { AppState } from './store.js';

export type Stage = 'build' | 'screen' | 'contrast' | 'attack' | 'overview';
/** The four stages, then the Overview of A vs B (issue 11, item 8). */
export const STAGES: readonly Stage[] = ['build', 'screen', 'contrast', 'attack', 'overview'];

/** What is being looked at: dataset, architecture, the opened forget classes and the current one, the stage. */
export interface ContextSlice {
  dataset: string | null;
  architecture: string | null;
  openClasses: number[];
  forgetClass: number | null;
  stage: Stage;
  setContext(dataset: string, architecture: string): void;
  openClass(fc: number): void;
  closeClass(fc: number): void;
  setForgetClass(fc: number): void;
  setStage(stage: Stage): void;
}

export const createContextSlice: StateCreator<AppState, [], [], ContextSlice> = (set, get) => ({
  dataset: null,
  architecture: null,
  openClasses: [],
  forgetClass: null,
  stage: 'screen',
  setContext: (dataset, architecture) => {
    if (dataset === get().dataset && architecture === get().architecture) return;
    set({ dataset, architecture, modelA: null, modelB: null });
  },
  openClass: (fc) => {
    const open = get().openClasses.includes(fc) ? get().openClasses : [...get().openClasses, fc].sort((a, b) => a - b);
    set({ openClasses: open, forgetClass: fc, modelA: null, modelB: null });
  },
  closeClass: (fc) => {
    const { openClasses, forgetClass } = get();
    const i = openClasses.indexOf(fc);
    if (i < 0) return;
    const open = openClasses.filter((c) => c !== fc);
    if (forgetClass !== fc) return set({ openClasses: open });
    const next = open.length === 0 ? null : open[Math.min(i, open.length - 1)];
    set({ openClasses: open, forgetClass: next, modelA: null, modelB: null });
  },
  setForgetClass: (fc) => {
    if (fc === get().forgetClass) return;
    get().openClass(fc);
  },
  setStage: (stage) => set({ stage }),
});
