import { afterEach, describe, expect, it } from 'vitest';
import { PRESETS } from '../derive/instanceSet.js';
import { resetStore, useAppStore } from './store.js';
import { decodeUrlState, encodeUrlState, urlStatePatch } from './urlState.js';

afterEach(resetStore);

const keptByAOnly = PRESETS[0].expr;

describe('instance-set slice', () => {
  it('clears the published set together with the expression', () => {
    const s = useAppStore.getState();
    s.setInstanceSetExpr(keptByAOnly);
    s.setInstanceSet({ keys: new Set([1, 2]), label: PRESETS[0].label });
    s.setInstanceSetExpr(null);
    expect(useAppStore.getState().instanceSet).toBeNull();
  });
});

describe('instance-set URL state', () => {
  it('writes the expression as `set` and restores it from the query string', () => {
    useAppStore.getState().setInstanceSetExpr(keptByAOnly);
    const query = encodeUrlState(useAppStore.getState());
    expect(new URLSearchParams(query).get('set')).toBe('a_f.cA.-cB_');
    resetStore();
    useAppStore.setState(urlStatePatch(decodeUrlState(`?${query}`), useAppStore.getState()));
    expect(useAppStore.getState().instanceSetExpr).toEqual(keptByAOnly);
  });

  it('leaves `set` out without a filter and drops a malformed one', () => {
    expect(new URLSearchParams(encodeUrlState(useAppStore.getState())).has('set')).toBe(false);
    expect(decodeUrlState('?stage=contrast&set=a_f.cZ_')).not.toHaveProperty('instanceSetExpr');
    expect(decodeUrlState('?stage=contrast&set=a_f.cZ_').stage).toBe('contrast');
  });
});
