import { useState } from 'react';
import { BaselinePanel } from '../components/BaselinePanel.js';
import { ImportPanel } from '../components/ImportPanel.js';
import { JobQueue } from '../components/JobQueue.js';
import { ModelBuilder } from '../components/ModelBuilder.js';
import { useAppStore } from '../stores/store.js';
import { PlusIcon } from '../components/PlusIcon.js';

/** Build: references, the Model Builder, the job queue and imports. */
export function BuildStage() {
  const [open, setOpen] = useState(false);
  const methodsLoaded = useAppStore((s) => s.methods.length > 0);
  return (
    <div className="build-grid">
      <div>
        <BaselinePanel />
        <button className="primary wide" disabled={!methodsLoaded} onClick={() => setOpen(true)}><PlusIcon /> Open Model Builder</button>
        {open && <ModelBuilder onClose={() => setOpen(false)} />}
        <ImportPanel />
      </div>
      <JobQueue />
    </div>
  );
}
