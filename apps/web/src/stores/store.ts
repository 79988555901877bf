import { create } from 'zustand';
import type { Job } from '../api/types.js';
import { sweepPicks } from '../derive/sweepPicks.js';
import { type AttackSlice, createAttackSlice } from './attackSlice.js';
import { type CatalogSlice, createCatalogSlice } from './catalogSlice.js';
import { type ContextSlice, createContextSlice } from './contextSlice.js';
import { createHoverSlice, type HoverSlice } from './hoverSlice.js';
import { createInstanceSetSlice, type InstanceSetSlice } from './instanceSetSlice.js';
import { createJobsSlice, type JobsSlice } from './jobsSlice.js';
import { createRecordsSlice, type RecordsSlice } from './recordsSlice.js';
import { createSelectionSlice, type SelectionSlice } from './selectionSlice.js';
import { createToastSlice, type ToastSlice } from './toastSlice.js';
import { createUiSlice, type UiSlice } from './uiSlice.js';

/** Reactions that span slices. */
export interface EffectsSlice {
  onJobFinished(job: Job): void;
}

export type AppState = ContextSlice & CatalogSlice & RecordsSlice & SelectionSlice & JobsSlice & AttackSlice & UiSlice & ToastSlice & HoverSlice & InstanceSetSlice & EffectsSlice;

/** The one bound store (zustand slices pattern). */
export const useAppStore = create<AppState>()((...a) => {
  const [set, get] = a;
  return {
    ...createContextSlice(...a),
    ...createCatalogSlice(...a),
    ...createRecordsSlice(...a),
    ...createSelectionSlice(...a),
    ...createJobsSlice(...a),
    ...createAttackSlice(...a),
    ...createUiSlice(...a),
    ...createToastSlice(...a),
    ...createHoverSlice(...a),
    ...createInstanceSetSlice(...a),
    onJobFinished: (job) => {
      const s = get();
      if (job.status === 'failed') s.toast('error', `Job ${job.id} failed: ${job.error ?? 'unknown error'}`);
      if (job.status !== 'succeeded') return;
      // A single run re-pins B to its result unless B was pinned by hand after it was queued.
      const queued = s.queuedAt[job.id] ?? 0;
      const single = job.kind === 'unlearn' && job.parentId === null;
      void s.loadRows().then(() => {
        const id = job.resultIds[0];
        if (single && id && s.bPinnedAt <= queued && get().rows.some((r) => r.id === id) && get().modelA !== id) set({ modelB: id });
      });
      // New references, and new timings for the time estimates.
      void s.loadBaselines();
      if (job.kind === 'sweep') {
        // A sweep never re-pins B by itself; it offers the best runs instead (ui.md §2.2).
        void s.loadRows().then(() => {
          const picks = sweepPicks(get().rows, job.resultIds);
          const offer = (label: string, id: string | null) => (id && id !== get().modelA ? [{ label, run: () => get().pickB(id) }] : []);
          s.toast('info', `Sweep ${job.id} finished: ${job.resultIds.length} model(s) added. Compare as B:`, [
            ...offer('Best by PS', picks.bestPS),
            ...offer('Best by TRA', picks.bestTRA),
            ...offer('The last one', picks.last),
          ]);
        });
      }
    },
  };
});

/** The state a fresh page starts with (for tests: reset between them). */
export const initialState = useAppStore.getState();
export const resetStore = () => useAppStore.setState(initialState, true);
