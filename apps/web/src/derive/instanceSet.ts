import { type EmbeddingPoints, linkPoints } from './embeddingPoints.js';
import { type AttackMetric, attributedToModel, type Direction } from './thresholdStrategies.js';

export type Model = 'A' | 'B';

/** One test on an instance (ui.md §6 item 6). Model predicates judge the instance with that model's record. */
export type Predicate =
  | { kind: 'forget' }
  | { kind: 'retain' }
  | { kind: 'trueClass'; k: number }
  | { kind: 'correct'; model: Model }
  | { kind: 'predicted'; model: Model; k: number }
  | { kind: 'attributed'; model: Model }
  | { kind: 'lasso' };

/** "All of" (AND) or "any of" (OR) its items; each item may be negated (NOT), and may itself be a group. */
export interface Group {
  kind: 'group';
  op: 'all' | 'any';
  items: Item[];
}

export interface Item {
  not: boolean;
  term: Predicate | Group;
}

/** One instance of the union of A's and B's embedding samples, with its position in each (−1: absent). */
export interface InstanceRow {
  key: number;
  /** Dataset image index (null when the samples do not name their images). */
  image: number | null;
  trueClass: number;
  a: number;
  b: number;
}

export interface InstanceSetContext {
  forgetClass: number;
  a: EmbeddingPoints;
  b: EmbeddingPoints;
  /** Keys of each model's attack samples attributed to that model at its current threshold (null: no attack view). */
  attributed: Record<Model, ReadonlySet<number> | null>;
  /** Keys inside the lasso (null: none drawn). */
  lasso: ReadonlySet<number> | null;
}

/** The instances of A's sample in order, then those only B's sample holds. */
export function instanceRows(a: EmbeddingPoints, b: EmbeddingPoints): InstanceRow[] {
  const { aToB, bToA } = linkPoints(a, b);
  const rows: InstanceRow[] = [];
  for (let i = 0; i < a.n; i++) rows.push({ key: a.keys[i], image: a.indices?.[i] ?? null, trueClass: a.trueClass[i], a: i, b: aToB[i] });
  for (let j = 0; j < b.n; j++) if (bToA[j] < 0) rows.push({ key: b.keys[j], image: b.indices?.[j] ?? null, trueClass: b.trueClass[j], a: -1, b: j });
  return rows;
}

/**
 * Keys of a model's attack samples that the attack attributes to the model. The attack subset is
 * the forget-class instances of the embedding sample in sample order (metrics.md §8); null when
 * the values do not line up with them.
 */
export function attributedKeys(points: EmbeddingPoints, values: readonly number[], t: number, direction: Direction, metric: AttackMetric): Set<number> | null {
  const subset = points.keys.filter((_, i) => points.forget[i]);
  if (subset.length !== values.length) return null;
  return new Set(subset.filter((_, i) => attributedToModel(values[i], t, direction, metric)));
}

function test(term: Predicate | Group, row: InstanceRow, ctx: InstanceSetContext): boolean {
  const pos = (m: Model) => (m === 'A' ? row.a : row.b);
  const pred = (m: Model) => (pos(m) < 0 ? -1 : (m === 'A' ? ctx.a : ctx.b).pred[pos(m)]);
  switch (term.kind) {
    case 'group':
      return term.op === 'all' ? term.items.every((it) => it.not !== test(it.term, row, ctx)) : term.items.some((it) => it.not !== test(it.term, row, ctx));
    case 'forget':
      return row.trueClass === ctx.forgetClass;
    case 'retain':
      return row.trueClass >= 0 && row.trueClass !== ctx.forgetClass;
    case 'trueClass':
      return row.trueClass === term.k;
    case 'correct':
      return pos(term.model) >= 0 && row.trueClass >= 0 && pred(term.model) === row.trueClass;
    case 'predicted':
      return pos(term.model) >= 0 && pred(term.model) === term.k;
    case 'attributed':
      return pos(term.model) >= 0 && (ctx.attributed[term.model]?.has(row.key) ?? false);
    case 'lasso':
      return ctx.lasso?.has(row.key) ?? false;
  }
}

/** The rows an expression selects, in row order. */
export function evaluateInstanceSet(expr: Group, rows: readonly InstanceRow[], ctx: InstanceSetContext): InstanceRow[] {
  return rows.filter((row) => test(expr, row, ctx));
}

/** Whether any predicate of an expression matches (e.g. to say the lasso it uses is empty). */
export function usesPredicate(term: Predicate | Group, match: (p: Predicate) => boolean): boolean {
  return term.kind === 'group' ? term.items.some((it) => usesPredicate(it.term, match)) : match(term);
}

const all = (...items: Item[]): Group => ({ kind: 'group', op: 'all', items });
const yes = (term: Predicate): Item => ({ not: false, term });
const no = (term: Predicate): Item => ({ not: true, term });

/** Ready-made sets; the first is the one §6 item 6 names. */
export const PRESETS: { id: string; label: string; expr: Group }[] = [
  { id: 'keptByAOnly', label: 'Forget samples still correct in A but not in B', expr: all(yes({ kind: 'forget' }), yes({ kind: 'correct', model: 'A' }), no({ kind: 'correct', model: 'B' })) },
  { id: 'keptByBOnly', label: 'Forget samples still correct in B but not in A', expr: all(yes({ kind: 'forget' }), yes({ kind: 'correct', model: 'B' }), no({ kind: 'correct', model: 'A' })) },
  { id: 'keptByBoth', label: 'Forget samples both A and B still get right', expr: all(yes({ kind: 'forget' }), yes({ kind: 'correct', model: 'A' }), yes({ kind: 'correct', model: 'B' })) },
  { id: 'overlyB', label: 'Retain samples A gets right and B gets wrong (overly forgotten by B)', expr: all(yes({ kind: 'retain' }), yes({ kind: 'correct', model: 'A' }), no({ kind: 'correct', model: 'B' })) },
  { id: 'attributedB', label: 'Forget samples attributed to Model B at the threshold', expr: all(yes({ kind: 'forget' }), yes({ kind: 'attributed', model: 'B' })) },
  { id: 'attributedAOnly', label: 'Forget samples attributed to Model A but not to Model B', expr: all(yes({ kind: 'attributed', model: 'A' }), no({ kind: 'attributed', model: 'B' })) },
  { id: 'lasso', label: 'Inside the lasso', expr: all(yes({ kind: 'lasso' })) },
];

/** A one-line reading of a predicate, e.g. "correct in A", "predicted as cat by B". */
export function describePredicate(p: Predicate, classNames: readonly string[]): string {
  const cls = (k: number) => classNames[k] ?? `class ${k}`;
  switch (p.kind) {
    case 'forget':
      return 'forget class';
    case 'retain':
      return 'retain class';
    case 'trueClass':
      return `true class ${cls(p.k)}`;
    case 'correct':
      return `correct in ${p.model}`;
    case 'predicted':
      return `predicted as ${cls(p.k)} by ${p.model}`;
    case 'attributed':
      return `attributed to ${p.model}`;
    case 'lasso':
      return 'in lasso';
  }
}

/** A readable formula for an expression: "forget class ∧ correct in A ∧ ¬correct in B". */
export function describeInstanceSet(expr: Group, classNames: readonly string[], nested = false): string {
  const parts = expr.items.map((it) => (it.not ? '¬' : '') + (it.term.kind === 'group' ? describeInstanceSet(it.term, classNames, true) : describePredicate(it.term, classNames)));
  const text = parts.join(expr.op === 'all' ? ' ∧ ' : ' ∨ ');
  return nested ? `(${text})` : text;
}
