import { useMemo, useState } from 'react';
import type { Job, JobSpec } from '../api/types.js';
import { formatEta } from '../derive/formatEta.js';
import { estimateJobSeconds, methodEpochs, remainingJobSeconds } from '../derive/jobEstimate.js';
import { isLive } from '../stores/jobsSlice.js';
import { useAppStore } from '../stores/store.js';
import { JobStepper } from './JobStepper.js';
import './jobQueue.css';

const ICON: Record<Job['status'], string> = { queued: '○', running: '◔', succeeded: '✓', failed: '✕', cancelled: '⊘', interrupted: '!' };

function describe(job: Job): string {
  const s = job.spec as Record<string, unknown>;
  if (job.kind === 'original') return `Original · ${s.dataset} · ${s.architecture}`;
  if (job.kind === 'retrained') return `Retrained · class ${s.forgetClass}`;
  if (job.kind === 'import') return `Import · ${s.fileName} · ${s.role}${s.forgetClass === null ? '' : ` · class ${s.forgetClass}`}`;
  const p = (s.params ?? s.grid ?? {}) as Record<string, unknown>;
  const compact = Object.entries(p).slice(0, 3).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('|') : v}`).join(' ');
  return `${job.kind === 'sweep' ? 'Sweep ' : ''}${s.method} · ${compact}`;
}

const RETRYABLE = new Set<Job['status']>(['failed', 'cancelled', 'interrupted']);

/**
 * The queue list with live progress from SSE, cancel, cancel remaining, retry, and the stepper of
 * the selected job — by default the running one (ui.md §1.4).
 */
export function JobQueue() {
  const jobs = useAppStore((s) => s.jobs);
  const cancel = useAppStore((s) => s.cancelJob);
  const selectedJob = useAppStore((s) => s.selectedJob);
  const estimates = useAppStore((s) => s.estimates);
  const methods = useAppStore((s) => s.methods);
  const [confirmAll, setConfirmAll] = useState(false);
  const list = useMemo(() => Object.values(jobs).sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, 30), [jobs]);
  const live = list.filter(isLive);
  // Queue ETA: what the running job has left plus the estimates of the queued ones (ui.md §1.4).
  const queueEta = useMemo(() => {
    if (!estimates) return null;
    let total = 0;
    for (const j of Object.values(jobs)) {
      if (j.kind === 'sweep' || !isLive(j)) continue;
      const s = j.status === 'running' ? remainingJobSeconds(j, estimates) : estimateJobSeconds(j, estimates, methodEpochs(methods));
      if (s === null) return null;
      total += s;
    }
    return total;
  }, [jobs, estimates, methods]);
  const shown = (selectedJob ? jobs[selectedJob] : undefined) ?? list.find((j) => j.status === 'running' && j.kind !== 'sweep') ?? list.find((j) => j.kind !== 'sweep');
  const showResult = (id: string) => {
    const s = useAppStore.getState();
    s.pickB(id);
    s.setStage('contrast');
  };
  return (
    <div className="panel" aria-label="Job queue">
      <div className="panel-title">
        <h2>Queue</h2>
        <span>{live.length} live</span>
        {live.length > 0 && queueEta !== null && <span data-testid="queue-eta">ETA {formatEta(queueEta)}</span>}
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
      {shown && <JobStepper job={shown} />}
      <ul className="queue" data-testid="job-queue">
        {list.map((j) => {
          const p = j.progress;
          const frac = p && p.total ? (p.done ?? 0) / p.total : p && p.batches ? (p.batch ?? 0) / p.batches : null;
          return (
            <li key={j.id} data-job={j.id} data-status={j.status} className={shown?.id === j.id ? 'selected' : undefined}>
              <span aria-label={j.status} title={j.status}>{ICON[j.status]}</span>
              <button className="link mono" aria-label={`Show the progress of job ${j.id}`} aria-pressed={shown?.id === j.id} onClick={() => useAppStore.getState().selectJob(j.id)}>{j.id}</button>
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
              {j.status === 'succeeded' && j.resultIds.slice(0, 3).map((id) => (
                <button key={id} className="link mono" title="Compare as Model B" onClick={() => showResult(id)}>→ {id}</button>
              ))}
              {RETRYABLE.has(j.status) && j.kind !== 'sweep' && j.kind !== 'import' && <button onClick={() => void useAppStore.getState().submitJob(j.spec as JobSpec)}>Retry</button>}
              {isLive(j) && <button onClick={() => void cancel(j.id)} disabled={j.cancelRequested}>{j.cancelRequested ? 'Cancelling…' : 'Cancel'}</button>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
