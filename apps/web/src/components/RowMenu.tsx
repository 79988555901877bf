import { useState } from 'react';
import { api } from '../api/client.js';
import type { ResultHeadline } from '../api/types.js';
import { useAppStore } from '../stores/store.js';
import { hasCheckpoint } from './hasCheckpoint.js';
import type { BuilderPrefill } from './ModelBuilder.js';

/**
 * The "⋯" menu of a record row (ui.md §2.3): details, downloads (JSON, CSV, weights), Re-run and
 * Use as base (open the builder prefilled), Designate as reference (Original and Retrained models
 * with weights), and Delete with a confirmation.
 */
export function RowMenu(props: {
  row: ResultHeadline;
  open: boolean;
  setOpen(open: boolean): void;
  /** Why Delete is unavailable (a designated reference, a running job on it), or null. */
  deleteBlocked: string | null;
  onDetails(id: string): void;
  onBuild(prefill: BuilderPrefill): void;
}) {
  const { row: r, open, setOpen } = props;
  const [confirming, setConfirming] = useState(false);
  const runnable = useAppStore((s) => s.methods.some((m) => m.id === r.method.id && m.id !== 'retrain'));
  const designated = useAppStore((s) => s.baselines?.original?.id === r.modelId || s.baselines?.classes.some((c) => c.retrained?.id === r.modelId) === true);
  const close = () => setOpen(false);
  return (
    <>
      <button aria-label={`Actions for ${r.id}`} aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>⋯</button>
      {open && (
        <div className="menu" role="menu" onKeyDown={(e) => e.key === 'Escape' && close()}>
          <button role="menuitem" autoFocus onClick={() => { props.onDetails(r.id); close(); }}>Details</button>
          <a role="menuitem" href={api.exportUrl('json', [r.id])} download={`${r.id}.json`} onClick={close}>Download JSON</a>
          <a role="menuitem" href={api.exportUrl('csv', [r.id])} download={`${r.id}.csv`} onClick={close}>Download CSV</a>
          {hasCheckpoint(r) && <a role="menuitem" href={api.weightsUrl(r.modelId)} download={`${r.modelId}.weights.bin`} onClick={close}>Download weights</a>}
          {hasCheckpoint(r) && <a role="menuitem" href={api.weightsUrl(r.modelId, 'pth')} download={`${r.modelId}.pth`} onClick={close}>Download weights (PyTorch .pth)</a>}
          {hasCheckpoint(r) && <a role="menuitem" href={api.weightsUrl(r.modelId, 'safetensors')} download={`${r.modelId}.safetensors`} onClick={close}>Download weights (.safetensors)</a>}
          {r.role === 'unlearned' && runnable && (
            <button role="menuitem" onClick={() => { props.onBuild({ methodId: r.method.id, params: r.hyperparameters, seed: r.seed, baseModelId: r.baseModelId }); close(); }}>Re-run</button>
          )}
          {hasCheckpoint(r) && <button role="menuitem" onClick={() => { props.onBuild({ baseModelId: r.modelId }); close(); }}>Use as base</button>}
          {r.role !== 'unlearned' && hasCheckpoint(r) && (
            <button role="menuitem" disabled={designated} title={designated ? 'Already the designated reference' : undefined} onClick={() => { void useAppStore.getState().designateReference(r.modelId); close(); }}>
              Designate as reference
            </button>
          )}
          <button role="menuitem" disabled={props.deleteBlocked !== null} title={props.deleteBlocked ?? undefined} onClick={() => { setConfirming(true); close(); }}>Delete</button>
        </div>
      )}
      {confirming && (
        <div className="menu confirm" role="dialog" aria-label="Confirm delete" onKeyDown={(e) => e.key === 'Escape' && setConfirming(false)}>
          <p>Delete {r.id}? This cannot be undone.</p>
          <button className="danger" autoFocus onClick={() => { void useAppStore.getState().deleteRow(r.id); setConfirming(false); }}>Delete</button>
          <button onClick={() => setConfirming(false)}>Cancel</button>
        </div>
      )}
    </>
  );
}
