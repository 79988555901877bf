import { useAppStore } from '../stores/store.js';

/** The chevron beside "Model Screening": the full table, or about five rows under a sticky header (ui.md §2.1). */
export function TableExpandToggle() {
  const expanded = useAppStore((s) => s.tableExpanded);
  const setExpanded = useAppStore((s) => s.setTableExpanded);
  return (
    <button className="chevron" aria-expanded={expanded} aria-label={expanded ? 'Collapse the table' : 'Expand the table'} title={expanded ? 'Collapse' : 'Expand'} onClick={() => setExpanded(!expanded)}>
      <span aria-hidden>{expanded ? '▴' : '▾'}</span>
    </button>
  );
}
