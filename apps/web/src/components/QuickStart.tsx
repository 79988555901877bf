import { QUICK_START_METHODS, type QuickStartRequest } from '@mu/schema';
import { useState } from 'react';
import { formatEta } from '../derive/formatEta.js';
import { methodEpochs } from '../derive/jobEstimate.js';
import { quickStartEstimate } from '../derive/quickStartEstimate.js';
import { useAppStore } from '../stores/store.js';
import type { useConfirmOnce } from './useConfirmOnce.js';

/**
 * Quick start (issue 11, item 1): one button that has the server queue the missing reference
 * models of the class and the five built-in methods, with their total estimated time; it then
 * opens the Overview, which shows Original vs Retrained as soon as both exist.
 */
export function QuickStart({ request, need, disabled, confirm, referenceWarning }: {
  request: QuickStartRequest;
  need: { original: boolean; retrained: boolean };
  disabled: boolean;
  confirm: ReturnType<typeof useConfirmOnce>;
  referenceWarning(seconds: number | null): string | null;
}) {
  const { estimates, methods, quickStart, setStage, toast } = useAppStore();
  const [busy, setBusy] = useState(false);
  const { epochs, ...rest } = request;
  const estimate = quickStartEstimate(need, { recipe: rest.recipe, ...(epochs === undefined ? {} : { epochs }) }, estimates, methodEpochs(methods));
  const names = QUICK_START_METHODS.map((id) => methods.find((m) => m.id === id)?.label ?? id).join(', ');
  const what = [need.original && 'Original', need.retrained && 'Retrained', names].filter(Boolean).join(' + ');
  const run = async () => {
    setBusy(true);
    const jobs = await quickStart(request);
    setBusy(false);
    if (jobs.length === 0) return;
    toast('info', `Quick start: queued ${jobs.length} jobs. The Overview compares Original and Retrained as soon as both exist.`);
    setStage('overview');
  };
  return (
    <div className="quick-start" data-testid="quick-start">
      <button
        className="primary"
        disabled={disabled || busy || methods.length === 0}
        onClick={() => confirm.guard('quick', referenceWarning(estimate.seconds), () => void run())}
      >
        Quick start
      </button>{' '}
      <span className="tick" data-testid="quick-start-eta">
        {what}: {estimate.jobs} jobs,{' '}
        {estimate.seconds === null ? 'total time estimated once this backend has timed a run of each' : `estimated ${formatEta(estimate.seconds)} in all`}
      </span>
      {confirm.armed?.key === 'quick' && <p className="inline-error" role="alert" data-testid="confirm-long">{confirm.armed.warning} Press Quick start again to queue the jobs.</p>}
    </div>
  );
}
