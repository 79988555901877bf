import { useState } from 'react';
import { ChartFrame } from '../charts/ChartFrame.js';
import { ParallelCoordinates } from '../charts/ParallelCoordinates.js';
import { moveKey } from '../derive/axisOrder.js';
import { useColours } from '../components/colours.js';
import { DetailsDrawer } from '../components/DetailsDrawer.js';
import { EmptyState } from '../components/EmptyState.js';
import { MissingComparison } from '../components/MissingComparison.js';
import { ModelTable } from '../components/ModelTable.js';
import { TableExpandToggle } from '../components/TableExpandToggle.js';
import { useAppStore } from '../stores/store.js';
import { useParallelAxes } from './useParallelAxes.js';

/** Screen: the model table with its colour legends, A/B choice and the details drawer. */
export function ScreenStage() {
  const rows = useAppStore((s) => s.rows);
  const status = useAppStore((s) => s.rowsStatus);
  const error = useAppStore((s) => s.rowsError);
  const forgetClass = useAppStore((s) => s.forgetClass);
  const [details, setDetails] = useState<string | null>(null);
  const parallel = useAppStore((s) => s.parallelOpen);
  const brushes = useAppStore((s) => s.brushes);
  const modelA = useAppStore((s) => s.modelA);
  const modelB = useAppStore((s) => s.modelB);
  const c = useColours();
  const { axes, flipped, visible } = useParallelAxes(rows);
  const brushed = Object.keys(brushes).length > 0;
  if (forgetClass === null) return <EmptyState message="Select the target forget class first." />;
  return (
    <div className="panel">
      <div className="panel-title">
        <h2>Model Screening</h2>
        <TableExpandToggle />
        <span className="legend-bar greens">Accuracy <i>Worst</i><b /><i>Best</i></span>
        <span className="legend-bar blues">Efficiency <i>Worst</i><b /><i>Best</i></span>
        <span className="legend-bar oranges">Privacy <i>0</i><b /><i>1</i></span>
        {status === 'loading' && <span className="loading" role="status">Loading…</span>}
        <label><input type="checkbox" checked={parallel} onChange={(e) => useAppStore.getState().setUi({ parallelOpen: e.target.checked })} /> Parallel coordinates</label>
        {brushed && <button onClick={() => Object.keys(brushes).forEach((k) => useAppStore.getState().setBrush(k, null))}>Clear brushes</button>}
      </div>
      {parallel && rows.length > 0 && (
        <ChartFrame title="All runs" name="parallel">
          {(w) => (
            <ParallelCoordinates
              rows={rows}
              axes={axes}
              flipped={flipped}
              visible={visible}
              brushes={brushes}
              onBrush={(k, r) => useAppStore.getState().setBrush(k, r)}
              onMove={(key, to) => useAppStore.getState().setPcOrder(moveKey(axes.map((a) => a.key), key, to))}
              onFlip={(key) => useAppStore.getState().togglePcFlip(key)}
              onPick={(id, which) => (which === 'A' ? useAppStore.getState().pickA(id) : useAppStore.getState().pickB(id))}
              colours={c.classes}
              picked={{ A: modelA, B: modelB }}
              modelColours={{ A: c.AStroke, B: c.BStroke }}
              width={w}
              height={260}
            />
          )}
        </ChartFrame>
      )}
      {status === 'error' ? (
        <div className="inline-error" role="alert">
          {error} <button onClick={() => void useAppStore.getState().loadRows()}>Retry</button>
        </div>
      ) : status === 'ready' && rows.length === 0 ? (
        <MissingComparison />
      ) : (
        <ModelTable rows={rows} onDetails={setDetails} />
      )}
      {details && <DetailsDrawer id={details} onClose={() => setDetails(null)} />}
    </div>
  );
}
