import { useAppStore } from './store.js';

// One empty list for every "not loaded yet": a fresh [] from a selector would re-render forever.
const NONE: string[] = [];

/** The class names of the current dataset (empty until the catalog loads). */
export function useClassNames(): string[] {
  return useAppStore((s) => s.datasets.find((d) => d.id === s.dataset)?.classNames ?? NONE);
}
