import { describe, expect, it } from 'vitest';
import { emptySetNote, setScope } from './setScope.js';

describe('setScope', () => {
  it('is null without a set', () => {
    expect(setScope(null, [1, 2])).toBeNull();
    expect(setScope(undefined, [1, 2])).toBeNull();
  });

  it('counts the shown keys the set contains; keyless items never match', () => {
    expect(setScope(new Set([2, 5, 9]), [1, 2, null, 5])).toEqual({ matched: 2, shown: 4 });
  });

  it('reports an empty match, and the note says so', () => {
    const scope = setScope(new Set<number>(), [1, 2, 3])!;
    expect(scope).toEqual({ matched: 0, shown: 3 });
    expect(emptySetNote('Forget', { matched: 0, shown: 2000 }, 'samples here')).toBe('The instance set “Forget” matches none of the 2,000 samples here — nothing is emphasised.');
  });
});
