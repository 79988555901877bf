import { describe, expect, it } from 'vitest';
import type { EmbeddingPoints } from './embeddingPoints.js';
import { attributedKeys, describeInstanceSet, evaluateInstanceSet, type Group, type InstanceSetContext, instanceRows, type Item, type Predicate, PRESETS, usesPredicate } from './instanceSet.js';
import { decodeInstanceSet, encodeInstanceSet } from './instanceSetCode.js';
import { instanceSetCsv, instanceSetJson } from './instanceSetExport.js';

/** Tiny points: keys are image indices, the forget class is 0. */
const points = (keys: number[], trueClass: number[], pred: number[]): EmbeddingPoints => ({
  n: keys.length,
  x: keys.map(() => 0),
  y: keys.map(() => 0),
  pred,
  trueClass,
  forget: trueClass.map((c) => c === 0),
  indices: keys,
  keys,
});

// Image 14 is only in A's sample, image 15 only in B's.
const A = points([10, 11, 12, 13, 14], [0, 0, 1, 2, 0], [0, 0, 1, 2, 5]);
const B = points([11, 10, 12, 15, 13], [0, 0, 1, 0, 2], [0, 4, 7, 0, 2]);
const rows = instanceRows(A, B);
const ctx = (patch: Partial<InstanceSetContext> = {}): InstanceSetContext => ({ forgetClass: 0, a: A, b: B, attributed: { A: null, B: null }, lasso: null, ...patch });
const yes = (term: Predicate | Group): Item => ({ not: false, term });
const no = (term: Predicate | Group): Item => ({ not: true, term });
const group = (op: 'all' | 'any', ...items: Item[]): Group => ({ kind: 'group', op, items });
const keysOf = (expr: Group, c = ctx()) => evaluateInstanceSet(expr, rows, c).map((r) => r.key);
const preset = (id: string) => PRESETS.find((p) => p.id === id)!.expr;

describe('instanceRows', () => {
  it('lists A’s instances, then B-only ones, with their positions in each sample', () => {
    expect(rows.map((r) => [r.key, r.a, r.b])).toEqual([[10, 0, 1], [11, 1, 0], [12, 2, 2], [13, 3, 4], [14, 4, -1], [15, -1, 3]]);
  });
});

describe('evaluateInstanceSet', () => {
  it('finds forget samples still correct in A but not in B', () => {
    // 10: A 0 ✓, B 4 ✗ → in. 11: B still right → out. 14: A wrong. 15: not in A.
    expect(keysOf(preset('keptByAOnly'))).toEqual([10]);
  });

  it('finds retain samples overly forgotten by B', () => {
    expect(keysOf(preset('overlyB'))).toEqual([12]);
  });

  it('ORs its items (true class 2, or predicted as 0 by B)', () => {
    expect(keysOf(group('any', yes({ kind: 'trueClass', k: 2 }), yes({ kind: 'predicted', model: 'B', k: 0 })))).toEqual([11, 13, 15]);
  });

  it('negates a nested group: forget samples neither model gets right', () => {
    expect(keysOf(group('all', yes({ kind: 'forget' }), no(group('any', yes({ kind: 'correct', model: 'A' }), yes({ kind: 'correct', model: 'B' })))))).toEqual([14]);
  });

  it('treats an empty "all" as everything and an empty "any" as nothing', () => {
    expect(keysOf(group('all'))).toHaveLength(6);
    expect(keysOf(group('any'))).toEqual([]);
  });

  it('selects attributed instances of the model only where it holds them', () => {
    const c = ctx({ attributed: { A: new Set([10, 14]), B: new Set([10, 14]) } });
    expect(keysOf(group('all', yes({ kind: 'attributed', model: 'A' })), c)).toEqual([10, 14]);
    expect(keysOf(group('all', yes({ kind: 'attributed', model: 'B' })), c)).toEqual([10]);
    expect(keysOf(group('all', yes({ kind: 'attributed', model: 'A' })))).toEqual([]);
  });

  it('selects the lasso’s keys, and nothing without a lasso', () => {
    expect(keysOf(preset('lasso'), ctx({ lasso: new Set([15, 12]) }))).toEqual([12, 15]);
    expect(keysOf(preset('lasso'))).toEqual([]);
  });

  it('gives the retain class only to instances whose true class is known', () => {
    const unknown = points([1, 2], [-1, 3], [3, 3]);
    expect(evaluateInstanceSet(group('all', yes({ kind: 'retain' })), instanceRows(unknown, unknown), ctx({ a: unknown, b: unknown })).map((r) => r.key)).toEqual([2]);
  });
});

describe('attributedKeys', () => {
  // A's attack subset is its forget-class instances in sample order: images 10, 11, 14.
  it('keeps the subset samples on the model side of the threshold', () => {
    expect([...attributedKeys(A, [2, 0.1, 1.5], 1, 'aboveUnlearn', 'entropy')!]).toEqual([10, 14]);
    expect([...attributedKeys(A, [2, 0.1, 1.5], 1, 'aboveRetrain', 'entropy')!]).toEqual([11]);
  });

  it('is null when the values do not line up with the forget instances', () => {
    expect(attributedKeys(A, [2, 0.1], 1, 'aboveUnlearn', 'entropy')).toBeNull();
  });
});

describe('instance-set code', () => {
  it('writes the named preset compactly', () => {
    expect(encodeInstanceSet(preset('keptByAOnly'))).toBe('a_f.cA.-cB_');
  });

  it('round-trips every preset and a nested expression with parameters', () => {
    const nested = group('any', yes({ kind: 'trueClass', k: 3 }), no(group('all', yes({ kind: 'predicted', model: 'B', k: 12 }), yes({ kind: 'lasso' }), no({ kind: 'retain' }))), yes({ kind: 'attributed', model: 'A' }));
    expect(encodeInstanceSet(nested)).toBe('o_t3.-a_pB12.l.-r_.mA_');
    for (const e of [...PRESETS.map((p) => p.expr), nested, group('all')]) expect(decodeInstanceSet(encodeInstanceSet(e))).toEqual(e);
  });

  it('drops malformed text instead of throwing', () => {
    for (const bad of ['', 'a_', 'a_f', 'x_f_', 'a_q_', 'a_f.cC_', 'a_f_x', 'a_pA_', 'a_t_', 'a_t1234_', 'a_f..r_', 'a_-_', 'a_f.', 'a_a_a_a_a_a_f______', 'a_'.repeat(300)]) {
      expect(decodeInstanceSet(bad), bad).toBeNull();
    }
  });
});

describe('usesPredicate', () => {
  it('finds a predicate inside nested groups, and only a matching one', () => {
    const e = group('all', yes({ kind: 'forget' }), no(group('any', yes({ kind: 'attributed', model: 'B' }))));
    expect(usesPredicate(e, (p) => p.kind === 'attributed' && p.model === 'B')).toBe(true);
    expect(usesPredicate(e, (p) => p.kind === 'attributed' && p.model === 'A')).toBe(false);
    expect(usesPredicate(group('all'), () => true)).toBe(false);
  });
});

describe('describeInstanceSet', () => {
  it('reads the expression as a formula with class names', () => {
    expect(describeInstanceSet(group('all', yes({ kind: 'forget' }), no(group('any', yes({ kind: 'predicted', model: 'A', k: 1 }), yes({ kind: 'correct', model: 'B' })))), ['plane', 'car'])).toBe('forget class ∧ ¬(predicted as car by A ∨ correct in B)');
  });
});

describe('instance-set export', () => {
  const selected = keysOf(group('all', yes({ kind: 'forget' })));
  const sel = rows.filter((r) => selected.includes(r.key));
  it('writes JSON with the count and image indices', () => {
    expect(JSON.parse(instanceSetJson(sel, 'forget', 'a_f_'))).toEqual({ label: 'forget', expression: 'a_f_', count: 4, indexKind: 'image', indices: [10, 11, 14, 15] });
  });

  it('writes CSV rows with both predictions, empty where a model lacks the image', () => {
    expect(instanceSetCsv(sel, A, B)).toBe('image_index,true_class,pred_a,pred_b\n10,0,0,4\n11,0,0,0\n14,0,5,\n15,0,,0\n');
  });
});
