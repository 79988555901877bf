import type { StateCreator } from 'zustand';
import { api } from '../api/client.js';
import type { Architecture, BaselineStatus, Dataset, Health, MethodInfo, TimeEstimates } from '../api/types.js';
import type { AppState } from './store.js';

/** What the server offers: datasets, architectures, method descriptors, backend, baselines and time estimates of the context. */
export interface CatalogSlice {
  datasets: Dataset[];
  architectures: Architecture[];
  methods: MethodInfo[];
  health: Health | null;
  baselines: BaselineStatus | null;
  /** Stage and epoch times of earlier runs of the context on the server's backend (for ETAs). */
  estimates: TimeEstimates | null;
  catalogError: string | null;
  loadCatalog(): Promise<void>;
  /** Reads /api/health again (the compute worker may still be starting, the remote workers change); a failure keeps the last answer. */
  refreshHealth(): Promise<void>;
  loadBaselines(): Promise<void>;
  /** Designates an Original or Retrained model (checkpoint id) as the reference of its kind. */
  designateReference(checkpointId: string): Promise<void>;
}

export const createCatalogSlice: StateCreator<AppState, [], [], CatalogSlice> = (set, get) => ({
  datasets: [],
  architectures: [],
  methods: [],
  health: null,
  baselines: null,
  estimates: null,
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
  refreshHealth: async () => {
    const health = await api.health().catch(() => null);
    if (health) set({ health });
  },
  loadBaselines: async () => {
    const { dataset, architecture } = get();
    if (!dataset || !architecture) return;
    try {
      const [baselines, estimates] = await Promise.all([api.baselines(dataset, architecture), api.estimates(dataset, architecture)]);
      if (get().dataset === dataset && get().architecture === architecture) set({ baselines, estimates });
    } catch (e) {
      set({ baselines: null, estimates: null });
      get().toast('error', (e as Error).message);
    }
  },
  designateReference: async (checkpointId) => {
    try {
      await api.designate(checkpointId);
      get().toast('info', `${checkpointId} is now the designated reference`);
      await get().loadBaselines();
    } catch (e) {
      get().toast('error', (e as Error).message);
    }
  },
});
