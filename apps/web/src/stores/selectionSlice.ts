import type { StateCreator } from 'zustand';
import type { AppState } from './store.js';

/**
 * Model A and Model B (record ids; never equal), and when B was last pinned by hand. A or B may
 * be a seed group (ui.md §6 item 7): `groupA`/`groupB` hold the member ids and `modelA`/`modelB`
 * the first member, so every single-record view keeps working.
 */
export interface SelectionSlice {
  modelA: string | null;
  modelB: string | null;
  groupA: string[] | null;
  groupB: string[] | null;
  bPinnedAt: number;
  pickA(id: string): void;
  pickB(id: string, byHand?: boolean): void;
  pickGroupA(ids: string[]): void;
  pickGroupB(ids: string[]): void;
}

/**
 * The group behind a model, if it is still the one chosen: code that sets `modelA`/`modelB`
 * directly (a new class, a finished job) leaves a stale group behind, which this ignores.
 */
export function activeGroup(group: string[] | null, model: string | null): string[] | null {
  return group !== null && group.length > 0 && group[0] === model ? group : null;
}

/** Every record id on one side: the group's members, or the single model. */
export function sideIds(group: string[] | null, model: string | null): string[] {
  return activeGroup(group, model) ?? (model === null ? [] : [model]);
}

const RESET_ATTACK = { metric: 'entropy', strategy: 'custom' } as const;

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set, get) => {
  const takenByB = (ids: string[]) => ids.some((id) => sideIds(get().groupB, get().modelB).includes(id));
  const takenByA = (ids: string[]) => ids.some((id) => sideIds(get().groupA, get().modelA).includes(id));
  return {
    modelA: null,
    modelB: null,
    groupA: null,
    groupB: null,
    bPinnedAt: 0,
    pickA: (id) => {
      if (takenByB([id])) return;
      set({ modelA: id, groupA: null, ...RESET_ATTACK });
    },
    pickB: (id, byHand = true) => {
      if (takenByA([id])) return;
      set({ modelB: id, groupB: null, ...RESET_ATTACK, ...(byHand ? { bPinnedAt: Date.now() } : {}) });
    },
    pickGroupA: (ids) => {
      if (ids.length === 0 || takenByB(ids)) return;
      set({ modelA: ids[0], groupA: [...ids], ...RESET_ATTACK });
    },
    pickGroupB: (ids) => {
      if (ids.length === 0 || takenByA(ids)) return;
      set({ modelB: ids[0], groupB: [...ids], ...RESET_ATTACK, bPinnedAt: Date.now() });
    },
  };
};
