import { useEffect } from 'react';
import { api } from '../api/client.js';
import { firstRunContext } from '../derive/firstRunContext.js';
import { useAppStore } from './store.js';
import { decodeUrlState } from './urlState.js';

/**
 * Start-up: the catalogue and the jobs from the server, then a context (from the URL, else the
 * newest result's dataset/architecture/class, else the backend's default recipe — derive/firstRunContext.ts —
 * on the Build stage); then rows,
 * baselines and the full records of A and B whenever their inputs change; the server's health
 * again every 2 s until its compute backend is known.
 */
export function useBootstrap(): void {
  useEffect(() => {
    // Read before the store changes: the URL then mirrors the state (stage=screen by default).
    const askedStage = decodeUrlState(window.location.search).stage;
    void (async () => {
      const s = useAppStore.getState();
      await Promise.all([s.loadCatalog(), s.loadJobs()]);
      if (useAppStore.getState().dataset && useAppStore.getState().architecture) {
        if (useAppStore.getState().forgetClass === null) useAppStore.getState().openClass(0);
        return;
      }
      const { datasets, architectures } = useAppStore.getState();
      let pick: { dataset: string; architecture: string; fc: number } | null = null;
      try {
        const rows = await api.results({});
        const newest = [...rows].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''))[0];
        if (newest) pick = { dataset: newest.dataset, architecture: newest.architecture, fc: newest.forgetClass };
      } catch {
        // the catalogue load already reported the server problem
      }
      const fresh = pick ? null : firstRunContext(datasets, architectures, useAppStore.getState().health?.backend?.name ?? null);
      if (fresh) pick = { ...fresh, fc: 0 };
      // A fresh install has nothing to screen: it opens where the first models are built.
      if (fresh && askedStage === undefined) useAppStore.getState().setStage('build');
      if (pick) {
        useAppStore.getState().setContext(pick.dataset, pick.architecture);
        useAppStore.getState().openClass(pick.fc);
      }
    })();
  }, []);

  // The server starts its compute worker with itself; until it is up, the backend is not known yet.
  const backendKnown = useAppStore((s) => s.health === null || s.health.backend !== null);
  useEffect(() => {
    if (backendKnown) return;
    const timer = setInterval(() => void useAppStore.getState().refreshHealth(), 2000);
    return () => clearInterval(timer);
  }, [backendKnown]);

  const dataset = useAppStore((s) => s.dataset);
  const architecture = useAppStore((s) => s.architecture);
  const forgetClass = useAppStore((s) => s.forgetClass);
  useEffect(() => {
    void useAppStore.getState().loadRows();
  }, [dataset, architecture, forgetClass]);
  useEffect(() => {
    void useAppStore.getState().loadBaselines();
  }, [dataset, architecture]);

  const modelA = useAppStore((s) => s.modelA);
  const modelB = useAppStore((s) => s.modelB);
  useEffect(() => {
    if (modelA) void useAppStore.getState().loadFull(modelA);
    if (modelB) void useAppStore.getState().loadFull(modelB);
  }, [modelA, modelB]);
}
