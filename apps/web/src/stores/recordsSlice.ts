import type { StateCreator } from 'zustand';
import { api } from '../api/client.js';
import type { ResultHeadline, ResultRecord } from '../api/types.js';
import { defaultPair } from '../derive/defaultPair.js';
import type { AppState } from './store.js';

const CACHE_SIZE = 12;

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/** Result rows of the current context, and an LRU cache of full records by id. */
export interface RecordsSlice {
  rows: ResultHeadline[];
  rowsStatus: LoadStatus;
  rowsError: string | null;
  full: Record<string, ResultRecord>;
  fullOrder: string[];
  fullStatus: Record<string, LoadStatus>;
  fullError: Record<string, string>;
  loadRows(): Promise<void>;
  loadFull(id: string): Promise<ResultRecord | null>;
  deleteRow(id: string): Promise<void>;
}

let rowsToken = 0;

const samples = new Map<string, Promise<{ indices: number[]; trueClass: number[] } | null>>();

/**
 * Engine records name their embedding sample (`cifar10-mini/seeded-2048-200`) instead of storing
 * its indices: fill them in from the server once per sample, so points can show their images.
 */
export async function withSampleIndices(record: ResultRecord): Promise<ResultRecord> {
  const e = record.embedding;
  if (e.indices !== null && e.trueClass !== null) return record;
  if (!/^[a-z0-9-]+\/(reference-2000|seeded-\d+-\d+)$/.test(e.sampleId)) return record;
  let p = samples.get(e.sampleId);
  if (!p) {
    p = api.embeddingSample(e.sampleId).catch(() => {
      samples.delete(e.sampleId);
      return null;
    });
    samples.set(e.sampleId, p);
  }
  const s = await p;
  if (!s || s.indices.length !== e.pred.length) return record;
  return { ...record, embedding: { ...e, indices: e.indices ?? s.indices, trueClass: e.trueClass ?? s.trueClass } };
}

export const createRecordsSlice: StateCreator<AppState, [], [], RecordsSlice> = (set, get) => ({
  rows: [],
  rowsStatus: 'idle',
  rowsError: null,
  full: {},
  fullOrder: [],
  fullStatus: {},
  fullError: {},
  loadRows: async () => {
    const { dataset, architecture, forgetClass } = get();
    if (!dataset || !architecture || forgetClass === null) return set({ rows: [], rowsStatus: 'idle' });
    const token = ++rowsToken;
    set({ rowsStatus: 'loading', rowsError: null });
    try {
      const rows = await api.results({ dataset, architecture, forgetClass });
      if (token !== rowsToken) return;
      set({ rows, rowsStatus: 'ready' });
      const { modelA, modelB } = get();
      const ids = new Set(rows.map((r) => r.id));
      if (!modelA || !ids.has(modelA) || (modelB !== null && !ids.has(modelB)) || modelB === null) {
        const pair = defaultPair(rows);
        set({ modelA: modelA && ids.has(modelA) ? modelA : pair.a, modelB: modelB && ids.has(modelB) && modelB !== modelA ? modelB : pair.b });
        const s = get();
        if (s.modelA === s.modelB) set({ modelB: pair.b === s.modelA ? pair.a : pair.b });
        // An id that was asked for (a link, a deleted model) and is not here is replaced, and said so.
        const unknown = [modelA, modelB].filter((id): id is string => id !== null && !ids.has(id));
        if (unknown.length > 0) get().toast('info', `No model ${unknown.join(' or ')} in this class: showing ${[get().modelA, get().modelB].filter(Boolean).join(' vs ') || 'nothing'} instead.`);
      }
    } catch (e) {
      if (token !== rowsToken) return;
      set({ rowsStatus: 'error', rowsError: (e as Error).message });
    }
  },
  loadFull: async (id) => {
    const cached = get().full[id];
    if (cached) {
      set({ fullOrder: [...get().fullOrder.filter((x) => x !== id), id] });
      return cached;
    }
    if (get().fullStatus[id] === 'loading') return null;
    set({ fullStatus: { ...get().fullStatus, [id]: 'loading' } });
    try {
      const record = await withSampleIndices(await api.result(id));
      const order = [...get().fullOrder.filter((x) => x !== id), id];
      const full = { ...get().full, [id]: record };
      while (order.length > CACHE_SIZE) delete full[order.shift()!];
      set({ full, fullOrder: order, fullStatus: { ...get().fullStatus, [id]: 'ready' } });
      return record;
    } catch (e) {
      set({ fullStatus: { ...get().fullStatus, [id]: 'error' }, fullError: { ...get().fullError, [id]: (e as Error).message } });
      return null;
    }
  },
  deleteRow: async (id) => {
    try {
      await api.deleteResult(id);
      const { modelA, modelB } = get();
      set({ rows: get().rows.filter((r) => r.id !== id), modelA: modelA === id ? null : modelA, modelB: modelB === id ? null : modelB });
      get().toast('info', `Deleted ${id}`);
      await get().loadRows();
    } catch (e) {
      get().toast('error', (e as Error).message);
    }
  },
});
