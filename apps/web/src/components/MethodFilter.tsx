import { useState } from 'react';
import type { ResultHeadline } from '../api/types.js';
import { useAppStore } from '../stores/store.js';

/** Funnel multi-select of the methods present; stays open while toggling (ui.md §2.1). */
export function MethodFilter({ rows }: { rows: ResultHeadline[] }) {
  const filter = useAppStore((s) => s.methodFilter);
  const setFilter = useAppStore((s) => s.setMethodFilter);
  const [open, setOpen] = useState(false);
  const methods = [...new Map(rows.filter((r) => r.role === 'unlearned').map((r) => [r.method.id, r.method.label])).entries()];
  return (
    <span className="method-filter">
      <button aria-label="Filter methods" aria-expanded={open} className={filter.length ? 'active' : ''} onClick={() => setOpen(!open)}>
        <svg width="11" height="11" viewBox="0 0 12 12" aria-hidden><path d="M1 1.5h10L7.2 6.2V10L4.8 11.2V6.2z" fill="currentColor" /></svg>
      </button>
      {open && (
        <div className="menu" role="group" aria-label="Methods" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
          <label><input type="checkbox" checked={filter.length === 0} onChange={() => setFilter([])} /> All</label>
          {methods.map(([id, label]) => (
            <label key={id}>
              <input type="checkbox" checked={filter.includes(id)} onChange={(e) => setFilter(e.target.checked ? [...filter, id] : filter.filter((x) => x !== id))} /> {label}
            </label>
          ))}
          <button onClick={() => setOpen(false)}>Done</button>
        </div>
      )}
    </span>
  );
}
