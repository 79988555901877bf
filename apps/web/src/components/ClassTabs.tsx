import { useState } from 'react';
import { useAppStore } from '../stores/store.js';
import { useClassNames } from '../stores/useClassNames.js';
import { PlusIcon } from './PlusIcon.js';

/** Forget-class tabs hanging from the header, with close buttons and a "+" dialog (ui.md §1.1). */
export function ClassTabs() {
  const { openClasses, forgetClass, openClass, closeClass, setForgetClass } = useAppStore();
  const classNames = useClassNames();
  const [adding, setAdding] = useState(false);
  const closed = classNames.map((_, i) => i).filter((i) => !openClasses.includes(i));
  const [choice, setChoice] = useState<number | null>(null);
  return (
    <div className="class-tabs" role="tablist" aria-label="Forget class">
      {openClasses.map((fc) => (
        <span key={fc} className={`class-tab ${fc === forgetClass ? 'active' : ''}`}>
          {/* Arrow keys, Home and End come from useRovingFocus (App). */}
          <button
            role="tab"
            aria-selected={fc === forgetClass}
            tabIndex={fc === forgetClass ? 0 : -1}
            onClick={() => setForgetClass(fc)}
          >
            Forget: {classNames[fc] ?? `class ${fc}`}
          </button>
          <button className="tab-close" aria-label={`Close forget class ${classNames[fc] ?? fc}`} onClick={() => closeClass(fc)}>×</button>
        </span>
      ))}
      {closed.length > 0 && (
        <button className="class-tab add" aria-label="Add a forget class" onClick={() => { setChoice(closed[0]); setAdding(true); }}><PlusIcon /></button>
      )}
      {adding && (
        <div className="popover" role="dialog" aria-label="Select a forget class" onKeyDown={(e) => e.key === 'Escape' && setAdding(false)}>
          <p>Select a forget class</p>
          <select autoFocus value={choice ?? ''} onChange={(e) => setChoice(Number(e.target.value))} aria-label="Forget class">
            {closed.map((c) => (
              <option key={c} value={c}>{classNames[c]}</option>
            ))}
          </select>
          <button className="primary" onClick={() => { if (choice !== null) openClass(choice); setAdding(false); }}>ADD</button>
          <button onClick={() => setAdding(false)}>Cancel</button>
        </div>
      )}
      {openClasses.length === 0 && <span className="empty-inline">Select the target forget class first.</span>}
    </div>
  );
}
