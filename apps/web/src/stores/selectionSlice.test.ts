import { afterEach, describe, expect, it } from 'vitest';
import { activeGroup, sideIds } from './selectionSlice.js';
import { resetStore, useAppStore } from './store.js';
import { decodeUrlState, encodeUrlState, urlStatePatch } from './urlState.js';

afterEach(resetStore);

describe('seed groups as Model A / Model B', () => {
  it('keeps the first member as the model and all members as the side', () => {
    useAppStore.getState().pickGroupB(['s1', 's2', 's3']);
    const s = useAppStore.getState();
    expect(s.modelB).toBe('s1');
    expect(sideIds(s.groupB, s.modelB)).toEqual(['s1', 's2', 's3']);
  });
  it('never lets the sides overlap', () => {
    const s = useAppStore.getState();
    s.pickGroupB(['s1', 's2']);
    s.pickA('s2');
    expect(useAppStore.getState().modelA).toBeNull();
    s.pickA('aaaaaaaa');
    s.pickGroupB(['aaaaaaaa', 'x']);
    expect(useAppStore.getState().groupB).toEqual(['s1', 's2']);
    s.pickGroupA(['s2', 'y']);
    expect(useAppStore.getState().modelA).toBe('aaaaaaaa');
  });
  it('drops the group when a single record is picked on its side', () => {
    const s = useAppStore.getState();
    s.pickGroupA(['s1', 's2']);
    s.pickA('zzzzzzzz');
    expect(useAppStore.getState().groupA).toBeNull();
  });
  it('ignores a stale group once the model was set elsewhere', () => {
    expect(activeGroup(['s1', 's2'], 's1')).toEqual(['s1', 's2']);
    expect(activeGroup(['s1', 's2'], 'other')).toBeNull();
    expect(sideIds(['s1', 's2'], 'other')).toEqual(['other']);
  });
  it('round-trips through the URL', () => {
    const s = useAppStore.getState();
    s.pickA('aaaaaaaa');
    s.pickGroupB(['s1', 's2', 's3']);
    const q = encodeUrlState(useAppStore.getState());
    resetStore();
    useAppStore.setState(urlStatePatch(decodeUrlState(q), useAppStore.getState()));
    const r = useAppStore.getState();
    expect([r.modelA, r.modelB, r.groupA, r.groupB]).toEqual(['aaaaaaaa', 's1', null, ['s1', 's2', 's3']]);
  });
});
