import type { StateCreator } from 'zustand';
import { api } from '../api/client.js';
import type { Architecture, BaselineStatus, Dataset, Health, MethodInfo } from '../api/types.js';
import type { AppState } from './store.js';

/** What the server offers: datasets, architectures, method descriptors, backend, baselines of the context. */
export interface CatalogSlice {
  datasets: Dataset[];
  architectures: Architecture[];
  methods: MethodInfo[];
  health: Health | null;
  baselines: BaselineStatus | null;
  catalogError: string | null;
  loadCatalog(): Promise<void>;
  loadBaselines(): Promise<void>;
}

export const createCatalogSlice: StateCreator<AppState, [], [], CatalogSlice> = (set, get) => ({
  datasets: [],
  architectures: [],
  methods: [],
  health: null,
  baselines: null,
  catalogError: null,
  loadCatalog: async () => {
    try {
      const [datasets, architectures, methods, health] = await Promise.all([api.datasets(), api.architectures(), api.methods(), api.health()]);
      set({ datasets, architectures, methods, health, catalogError: null });
    } catch (e) {
      set({ catalogError: (e as Error).message });
      get().toast('error', (e as Error).message);
    }
  },
  loadBaselines: async () => {
    const { dataset, architecture } = get();
    if (!dataset || !architecture) return;
    try {
      const baselines = await api.baselines(dataset, architecture);
      if (get().dataset === dataset && get().architecture === architecture) set({ baselines });
    } catch (e) {
      set({ baselines: null });
      get().toast('error', (e as Error).message);
    }
  },
});
