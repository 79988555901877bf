import { activeGroup, sideIds } from './selectionSlice.js';
import { useAppStore } from './store.js';

/** Both sides of the A/B choice as rows draw them: the model, its active seed group (or null), and every record id it takes. */
export function useSides() {
  const modelA = useAppStore((s) => s.modelA);
  const modelB = useAppStore((s) => s.modelB);
  const groupA = useAppStore((s) => s.groupA);
  const groupB = useAppStore((s) => s.groupB);
  return {
    modelA,
    modelB,
    groupA: activeGroup(groupA, modelA),
    groupB: activeGroup(groupB, modelB),
    takenA: sideIds(groupA, modelA),
    takenB: sideIds(groupB, modelB),
  };
}
