/**
 * Axes in the user's order (parallel coordinates, ui.md §6 item 4): the keys listed in `order`
 * come in that order; an axis the order does not mention keeps its place after its default
 * predecessor, so a new hyperparameter appears where it would by default.
 */
export function arrangeAxes<T extends { key: string }>(axes: readonly T[], order: readonly string[]): T[] {
  const out = order.map((k) => axes.find((a) => a.key === k)).filter((a): a is T => a !== undefined);
  axes.forEach((a, i) => {
    if (out.includes(a)) return;
    const after = i === 0 ? -1 : out.findIndex((o) => o.key === axes[i - 1].key);
    out.splice(after + 1, 0, a);
  });
  return out;
}

/** `keys` with `key` moved to position `to` (clamped to the ends); unchanged when `key` is absent. */
export function moveKey(keys: readonly string[], key: string, to: number): string[] {
  const from = keys.indexOf(key);
  if (from < 0) return [...keys];
  const out = keys.filter((k) => k !== key);
  out.splice(Math.max(0, Math.min(out.length, to)), 0, key);
  return out;
}
