import type { Group, Item, Model, Predicate } from './instanceSet.js';

/*
 * A compact text form of an instance-set expression for the URL, using only characters a query
 * string keeps as they are (letters, digits, "_", ".", "-"):
 *   group     a_…_ (all of) | o_…_ (any of), items separated by "."
 *   item      optional "-" (NOT), then a group or a predicate
 *   predicate f forget · r retain · t<k> true class · cA/cB correct · pA<k>/pB<k> predicted as k
 *             · mA/mB attributed to the model · l in the lasso
 * "Forget samples still correct in A but not in B" reads a_f.cA.-cB_.
 */

const MAX_DEPTH = 4;
const MAX_LENGTH = 400;

function encodePredicate(p: Predicate): string {
  switch (p.kind) {
    case 'forget':
      return 'f';
    case 'retain':
      return 'r';
    case 'trueClass':
      return `t${p.k}`;
    case 'correct':
      return `c${p.model}`;
    case 'predicted':
      return `p${p.model}${p.k}`;
    case 'attributed':
      return `m${p.model}`;
    case 'lasso':
      return 'l';
  }
}

/** Expression → compact text, e.g. `a_f.cA.-cB_`. */
export function encodeInstanceSet(g: Group): string {
  const items = g.items.map((it) => (it.not ? '-' : '') + (it.term.kind === 'group' ? encodeInstanceSet(it.term) : encodePredicate(it.term)));
  return `${g.op === 'all' ? 'a' : 'o'}_${items.join('.')}_`;
}

/** Compact text → expression; null for anything malformed (never throws). */
export function decodeInstanceSet(text: string): Group | null {
  if (text.length > MAX_LENGTH) return null;
  let at = 0;
  const model = (): Model | null => {
    const c = text[at];
    if (c !== 'A' && c !== 'B') return null;
    at++;
    return c;
  };
  const int = (): number | null => {
    const m = /^\d{1,3}/.exec(text.slice(at));
    if (!m) return null;
    at += m[0].length;
    return Number(m[0]);
  };
  const predicate = (): Predicate | null => {
    const c = text[at++];
    switch (c) {
      case 'f':
        return { kind: 'forget' };
      case 'r':
        return { kind: 'retain' };
      case 'l':
        return { kind: 'lasso' };
      case 't': {
        const k = int();
        return k === null ? null : { kind: 'trueClass', k };
      }
      case 'c':
      case 'm': {
        const m = model();
        return m === null ? null : { kind: c === 'c' ? 'correct' : 'attributed', model: m };
      }
      case 'p': {
        const m = model();
        const k = m === null ? null : int();
        return m === null || k === null ? null : { kind: 'predicted', model: m, k };
      }
      default:
        return null;
    }
  };
  const group = (depth: number): Group | null => {
    const op = text[at] === 'a' ? 'all' : text[at] === 'o' ? 'any' : null;
    if (op === null || text[at + 1] !== '_' || depth > MAX_DEPTH) return null;
    at += 2;
    const items: Item[] = [];
    if (text[at] === '_') {
      at++;
      return { kind: 'group', op, items };
    }
    for (;;) {
      const not = text[at] === '-';
      if (not) at++;
      const term = text[at] === 'a' || text[at] === 'o' ? group(depth + 1) : predicate();
      if (term === null) return null;
      items.push({ not, term });
      const sep = text[at++];
      if (sep === '_') return { kind: 'group', op, items };
      if (sep !== '.') return null;
    }
  };
  const g = group(0);
  return g !== null && at === text.length ? g : null;
}
