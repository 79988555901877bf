import { useState } from 'react';
import { useAppStore } from '../stores/store.js';

/** A menu of the hyperparameters present beyond the standard columns; checked ones become table columns (remembered). */
export function ColumnChooser({ available }: { available: readonly string[] }) {
  const chosen = useAppStore((s) => s.extraColumns);
  const setChosen = useAppStore((s) => s.setExtraColumns);
  const [open, setOpen] = useState(false);
  return (
    <span className="column-chooser">
      <button aria-label="Choose columns" title="More hyperparameter columns" aria-haspopup="true" aria-expanded={open} onClick={() => setOpen(!open)}>⚙</button>
      {open && (
        <div className="menu" role="group" aria-label="Hyperparameter columns" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
          {available.length === 0 && <span className="help">No other hyperparameters in these rows.</span>}
          {available.map((k) => (
            <label key={k}>
              <input type="checkbox" checked={chosen.includes(k)} onChange={(e) => setChosen(e.target.checked ? [...chosen, k] : chosen.filter((x) => x !== k))} /> {k}
            </label>
          ))}
          <button onClick={() => setOpen(false)}>Done</button>
        </div>
      )}
    </span>
  );
}
