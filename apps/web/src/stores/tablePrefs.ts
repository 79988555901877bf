const TABLE_PREFS = 'mu.table';

/** The table's remembered layout (localStorage): extra hyperparameter columns and expanded or not. */
export function readTablePrefs(): { extraColumns: string[]; tableExpanded: boolean } {
  const fallback = { extraColumns: [], tableExpanded: true };
  try {
    const v = JSON.parse(globalThis.localStorage?.getItem(TABLE_PREFS) ?? 'null') as { extraColumns?: unknown; tableExpanded?: unknown } | null;
    if (!v) return fallback;
    return {
      extraColumns: Array.isArray(v.extraColumns) ? v.extraColumns.filter((k): k is string => typeof k === 'string') : [],
      tableExpanded: v.tableExpanded !== false,
    };
  } catch {
    return fallback;
  }
}

export function writeTablePrefs(prefs: { extraColumns: string[]; tableExpanded: boolean }): void {
  try {
    globalThis.localStorage?.setItem(TABLE_PREFS, JSON.stringify(prefs));
  } catch {
    // storage full or blocked: the choice lasts for this page only
  }
}
