import { useEffect } from 'react';
import { api } from '../api/client.js';
import { HistoryChart } from '../charts/HistoryChart.js';
import { useAppStore } from '../stores/store.js';

/** The full configuration, provenance, warnings and training history of one record. */
export function DetailsDrawer({ id, onClose }: { id: string; onClose(): void }) {
  const record = useAppStore((s) => s.full[id]);
  const status = useAppStore((s) => s.fullStatus[id]);
  const error = useAppStore((s) => s.fullError[id]);
  useEffect(() => {
    void useAppStore.getState().loadFull(id);
  }, [id]);
  return (
    <aside className="drawer" role="dialog" aria-label={`Details of ${id}`} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="drawer-head">
        <h3>Details: {id}</h3>
        <button autoFocus aria-label="Close details" onClick={onClose}>×</button>
      </div>
      {status === 'error' && <div className="inline-error" role="alert">{error} <button onClick={() => void useAppStore.getState().loadFull(id)}>Retry</button></div>}
      {!record && status !== 'error' && <div className="skeleton" style={{ height: 200 }} />}
      {record && (
        <>
          <dl className="kv">
            <dt>Method</dt><dd>{record.config.method.label} ({record.config.method.id} {record.config.method.version})</dd>
            {Object.entries(record.config.hyperparameters).map(([k, v]) => (
              <div key={k} className="kv-row"><dt>{k}</dt><dd>{v === null ? '–' : String(v)}</dd></div>
            ))}
            <dt>Seed</dt><dd>{record.config.seed ?? '–'}</dd>
            <dt>Backend</dt><dd>{record.config.environment.backend} ({record.config.environment.threads ?? '–'} threads)</dd>
            {record.config.environment.inference && (
              <><dt>Inference</dt><dd>{record.config.environment.inference.runtime === 'onnxruntime'
                ? `onnxruntime ${record.config.environment.inference.version ?? ''} (${record.config.environment.inference.threads ?? '–'} threads)`
                : 'tfjs (the backend)'}</dd></>
            )}
            <dt>Recipe</dt><dd>{record.config.recipe ?? '–'}</dd>
            <dt>References</dt><dd>Original {record.references.originalModelId ?? '–'}, Retrained {record.references.retrainedModelId ?? '–'}</dd>
            <dt>Source</dt><dd>{record.provenance.source}{record.provenance.importedFrom ? ` (${record.provenance.importedFrom.fileName})` : ''}</dd>
            <dt>Created</dt><dd>{record.createdAt ?? '–'}</dd>
          </dl>
          {record.warnings.length > 0 && (
            <ul className="warnings">{record.warnings.map((w) => <li key={w}>{w}</li>)}</ul>
          )}
          <h4>Training history</h4>
          <HistoryChart record={record} width={445} height={230} />
          <p>
            <a href={api.exportUrl('json', [id])} download>Download JSON</a> · <a href={api.exportUrl('csv', [id])} download>Download CSV</a>
          </p>
        </>
      )}
    </aside>
  );
}
