import type { ResultRecord } from '../api/types.js';
import { useAppStore } from '../stores/store.js';

/** The full records of A and B (null while loading), plus their load problems. */
export function useAB(): { a: ResultRecord | null; b: ResultRecord | null; aId: string | null; bId: string | null; error: string | null; loading: boolean } {
  const aId = useAppStore((s) => s.modelA);
  const bId = useAppStore((s) => s.modelB);
  const a = useAppStore((s) => (s.modelA ? s.full[s.modelA] ?? null : null));
  const b = useAppStore((s) => (s.modelB ? s.full[s.modelB] ?? null : null));
  const error = useAppStore((s) => (s.modelA && s.fullError[s.modelA]) || (s.modelB && s.fullError[s.modelB]) || null);
  const loading = useAppStore((s) => (s.modelA ? s.fullStatus[s.modelA] === 'loading' : false) || (s.modelB ? s.fullStatus[s.modelB] === 'loading' : false));
  return { a, b, aId, bId, error, loading };
}
