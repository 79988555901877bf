import { useState } from 'react';
import { DetailsDrawer } from '../components/DetailsDrawer.js';
import { EmptyState } from '../components/EmptyState.js';
import { ModelTable } from '../components/ModelTable.js';
import { useAppStore } from '../stores/store.js';

/** Screen: the model table with its colour legends, A/B choice and the details drawer. */
export function ScreenStage() {
  const rows = useAppStore((s) => s.rows);
  const status = useAppStore((s) => s.rowsStatus);
  const error = useAppStore((s) => s.rowsError);
  const forgetClass = useAppStore((s) => s.forgetClass);
  const setStage = useAppStore((s) => s.setStage);
  const [details, setDetails] = useState<string | null>(null);
  if (forgetClass === null) return <EmptyState message="Select the target forget class first." />;
  return (
    <div className="panel">
      <div className="panel-title">
        <h2>Model Screening</h2>
        <span className="legend-bar greens">Accuracy <i>Worst</i><b /><i>Best</i></span>
        <span className="legend-bar blues">Efficiency <i>Worst</i><b /><i>Best</i></span>
        <span className="legend-bar oranges">Privacy <i>0</i><b /><i>1</i></span>
        {status === 'loading' && <span className="loading" role="status">Loading…</span>}
      </div>
      {status === 'error' ? (
        <div className="inline-error" role="alert">
          {error} <button onClick={() => void useAppStore.getState().loadRows()}>Retry</button>
        </div>
      ) : status === 'ready' && rows.length === 0 ? (
        <EmptyState message="No models yet — build or import one." action={{ label: 'Go to Build', onClick: () => setStage('build') }} />
      ) : (
        <ModelTable rows={rows} onDetails={setDetails} />
      )}
      {details && <DetailsDrawer id={details} onClose={() => setDetails(null)} />}
    </div>
  );
}
