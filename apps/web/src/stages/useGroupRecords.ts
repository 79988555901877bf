import { useEffect, useMemo, useState } from 'react';
import type { ResultRecord } from '../api/types.js';
import { activeGroup, sideIds } from '../stores/selectionSlice.js';
import { useAppStore } from '../stores/store.js';

type Accuracy = Pick<ResultRecord, 'accuracy'>;

/**
 * The class-wise accuracies of every record on each side when A or B is a seed group (null when
 * neither is, or while a member still loads). Members load through `loadFull`; their accuracies
 * are kept here, since a group may hold more records than the store's cache of full records.
 */
export function useGroupRecords(): { as: Accuracy[]; bs: Accuracy[] } | null {
  const modelA = useAppStore((s) => s.modelA);
  const modelB = useAppStore((s) => s.modelB);
  const groupA = useAppStore((s) => s.groupA);
  const groupB = useAppStore((s) => s.groupB);
  const full = useAppStore((s) => s.full);
  const rows = useAppStore((s) => s.rows);
  const grouped = activeGroup(groupA, modelA) !== null || activeGroup(groupB, modelB) !== null;
  // A member deleted since it was chosen drops out.
  const present = useMemo(() => new Set(rows.map((r) => r.id)), [rows]);
  const idsA = useMemo(() => sideIds(groupA, modelA).filter((id) => present.has(id)), [groupA, modelA, present]);
  const idsB = useMemo(() => sideIds(groupB, modelB).filter((id) => present.has(id)), [groupB, modelB, present]);
  const [kept, setKept] = useState<Record<string, Accuracy>>({});
  useEffect(() => {
    if (!grouped) return;
    let live = true;
    const { loadFull } = useAppStore.getState();
    const missing = [...idsA, ...idsB].filter((id) => !kept[id]);
    // Many members can push A's and B's full records out of the cache: touch those two last.
    void Promise.all(
      missing.map((id) =>
        loadFull(id).then((r) => {
          if (live && r) setKept((k) => ({ ...k, [id]: { accuracy: r.accuracy } }));
        }),
      ),
    ).then(() => Promise.all([modelA, modelB].map((id) => (id ? loadFull(id) : null))));
    return () => {
      live = false;
    };
    // `kept` is left out on purpose: a member is asked for once per change of the sides.
  }, [grouped, idsA, idsB, modelA, modelB]);
  return useMemo(() => {
    if (!grouped) return null;
    const get = (id: string): Accuracy | undefined => kept[id] ?? full[id];
    const as = idsA.map(get);
    const bs = idsB.map(get);
    if (as.length === 0 || bs.length === 0 || as.some((r) => !r) || bs.some((r) => !r)) return null;
    return { as: as as Accuracy[], bs: bs as Accuracy[] };
  }, [grouped, idsA, idsB, kept, full]);
}
