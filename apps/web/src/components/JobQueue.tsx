import { useMemo, useState } from 'react';
import type { Job } from '../api/types.js';
import { formatEta } from '../derive/formatEta.js';
import { isLive } from '../stores/jobsSlice.js';
import { useAppStore } from '../stores/store.js';

const ICON: Record<Job['status'], string> = { queued: '○', running: '◔', succeeded: '✓', failed: '✕', cancelled: '⊘', interrupted: '!' };

function describe(job: Job): string {
  const s = job.spec as Record<string, unknown>;
  if (job.kind === 'original') return `Original · ${s.dataset} · ${s.architecture}`;
  if (job.kind === 'retrained') return `Retrained · class ${s.forgetClass}`;
  const p = (s.params ?? s.grid ?? {}) as Record<string, unknown>;
  const compact = Object.entries(p).slice(0, 3).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('|') : v}`).join(' ');
  return `${job.kind === 'sweep' ? 'Sweep ' : ''}${s.method} · ${compact}`;
}

/** The queue list with live progress from SSE, cancel, cancel remaining (ui.md §1.4). */
export function JobQueue() {
  const jobs = useAppStore((s) => s.jobs);
  const cancel = useAppStore((s) => s.cancelJob);
  const [confirmAll, setConfirmAll] = useState(false);
  const list = useMemo(() => Object.values(jobs).sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, 30), [jobs]);
  const live = list.filter(isLive);
  return (
    <div className="panel" aria-label="Job queue">
      <div className="panel-title">
        <h2>Queue</h2>
        <span>{live.length} live</span>
        <span className="spacer" />
        {live.length > 1 && !confirmAll && <button onClick={() => setConfirmAll(true)}>Cancel remaining</button>}
        {confirmAll && (
          <span>
            Cancel {live.length} jobs? <button className="danger" onClick={() => { live.forEach((j) => void cancel(j.id)); setConfirmAll(false); }}>Yes</button>
            <button onClick={() => setConfirmAll(false)}>No</button>
          </span>
        )}
      </div>
      {list.length === 0 && <p className="empty-inline">No jobs yet.</p>}
      <ul className="queue" data-testid="job-queue">
        {list.map((j) => {
          const p = j.progress;
          const frac = p && p.total ? (p.done ?? 0) / p.total : p && p.batches ? (p.batch ?? 0) / p.batches : null;
          return (
            <li key={j.id} data-job={j.id} data-status={j.status}>
              <span aria-label={j.status} title={j.status}>{ICON[j.status]}</span>
              <span className="mono">{j.id}</span>
              <span>{describe(j)}</span>
              {j.status === 'running' && p && (
                <span className="progress" data-testid="progress">
                  {p.stage}{p.step ? ` (${p.step})` : ''}
                  {p.epoch !== null && p.epochs !== null ? ` · epoch ${p.epoch}/${p.epochs}` : ''}
                  {p.loss !== null ? ` · loss ${p.loss.toFixed(3)}` : ''}
                  {p.accuracy !== null ? ` · acc ${p.accuracy.toFixed(3)}` : ''}
                  {frac !== null && <span className="progress-bar" aria-label="stage progress"><span style={{ width: `${Math.round(frac * 100)}%` }} /></span>}
                  {p.etaSeconds !== null ? ` ETA ${formatEta(p.etaSeconds)}` : ''}
                </span>
              )}
              {j.status === 'failed' && <span className="field-error">{j.error}</span>}
              {j.status === 'succeeded' && j.resultIds.length > 0 && <span className="mono">→ {j.resultIds.slice(0, 3).join(', ')}</span>}
              {isLive(j) && <button onClick={() => void cancel(j.id)} disabled={j.cancelRequested}>{j.cancelRequested ? 'Cancelling…' : 'Cancel'}</button>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
