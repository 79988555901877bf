import type { Job } from '../api/types.js';
import { formatEta } from '../derive/formatEta.js';
import { jobSteps, type StepState } from '../derive/jobSteps.js';

const ICON: Record<StepState, string> = { done: '✓', active: '◔', pending: '•', failed: '✕' };
const pct = (f: number | null) => (f === null ? '' : ` ${Math.round(f * 100)}%`);

/** The selected job as a vertical stepper with real per-stage numbers (ui.md §1.4). */
export function JobStepper({ job }: { job: Job }) {
  const p = job.progress;
  const spec = job.spec as Record<string, unknown>;
  const steps = jobSteps(job);
  const detail = (title: string, state: StepState) => {
    if (state !== 'active' || !p) return null;
    if (title === 'Unlearn' || title === 'Train') {
      return (
        <>
          {title === 'Unlearn' ? `Method: ${String(spec.method)} | ` : ''}Epoch: <b>{p.epoch ?? '–'}/{p.epochs ?? '–'}</b>
          {p.loss !== null && <> · loss {p.loss.toFixed(3)}</>}
          {p.forgetAccuracy !== null && <> · Current Unlearning Accuracy: <b>{p.forgetAccuracy.toFixed(3)}</b></>}
          {p.etaSeconds !== null && <> · ETA {formatEta(p.etaSeconds)}</>}
        </>
      );
    }
    if (title === 'Evaluate') return <>{p.stage === 'evaluating train' ? 'Training' : 'Test'} set{pct(p.total ? (p.done ?? 0) / p.total : null)}{p.etaSeconds !== null && <> · ETA {formatEta(p.etaSeconds)}</>}</>;
    return null;
  };
  return (
    <ol className="stepper" aria-label={`Progress of job ${job.id}`} data-testid="job-stepper" data-job={job.id}>
      {steps.map((s) => (
        <li key={s.title} data-state={s.state}>
          <span className="step-icon" aria-label={s.state}>{ICON[s.state]}</span>
          <span className="step-title">{s.title}</span>
          <span className="step-detail">{detail(s.title, s.state)}</span>
          {s.parts.length > 0 && (
            <ul>
              {s.parts.map((part) => (
                <li key={part.name} data-state={part.state}>
                  {ICON[part.state]} {part.name}{pct(part.fraction)}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
      {job.status === 'succeeded' && job.resultIds.length > 0 && <li className="step-done">Done! Model ID: <b className="mono">{job.resultIds.join(', ')}</b></li>}
      {job.status === 'failed' && <li className="field-error">{job.error}</li>}
    </ol>
  );
}
