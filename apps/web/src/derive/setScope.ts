/** How an active instance set meets the items one view shows. */
export interface SetScope {
  /** Items shown that the set contains. */
  matched: number;
  /** Items shown (those without a key cannot match). */
  shown: number;
}

/**
 * The set's reach over the keys a view shows (null: no set active). A set that matches none of
 * them must not dim the view: it emphasises what it matches, and here that is nothing.
 */
export function setScope(keys: ReadonlySet<number> | null | undefined, shown: Iterable<number | null>): SetScope | null {
  if (!keys) return null;
  let matched = 0, count = 0;
  for (const k of shown) {
    count++;
    if (k !== null && keys.has(k)) matched++;
  }
  return { matched, shown: count };
}

/** The one-line note of a set that matches nothing in a view. */
export const emptySetNote = (label: string, scope: SetScope, what: string) =>
  `The instance set “${label}” matches none of the ${scope.shown.toLocaleString('en')} ${what} — nothing is emphasised.`;
