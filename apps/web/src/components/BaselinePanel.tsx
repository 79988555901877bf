import { useState } from 'react';
import { formatEta } from '../derive/formatEta.js';
import { estimateJobSeconds, methodEpochs } from '../derive/jobEstimate.js';
import { isLive } from '../stores/jobsSlice.js';
import { useAppStore } from '../stores/store.js';
import { useClassNames } from '../stores/useClassNames.js';

/**
 * Status of the Original and the Retrained model for the class, with buttons to build them, the
 * recipe, and the time estimated from earlier runs on the server's backend (ui.md §1.2).
 */
export function BaselinePanel() {
  const { baselines, estimates, methods, dataset, architecture, forgetClass, submitJob, jobs } = useAppStore();
  const [epochs, setEpochs] = useState<number | null>(null);
  const classNames = useClassNames();
  if (!dataset || !architecture || forgetClass === null) return null;
  const cls = baselines?.classes.find((c) => c.forgetClass === forgetClass);
  const className = classNames[forgetClass] ?? String(forgetClass);
  const running = (kind: string) => Object.values(jobs).some((j) => isLive(j) && j.kind === kind && j.spec.dataset === dataset && j.spec.architecture === architecture && (kind === 'original' || j.spec.forgetClass === forgetClass));
  const recipe = estimates?.recipe;
  const spec = epochs === null ? {} : { epochs };
  const eta = (kind: 'original' | 'retrained') => {
    const s = estimates ? estimateJobSeconds({ kind, spec }, estimates, methodEpochs(methods)) : null;
    return s === null ? 'no earlier run on this backend to estimate from' : `estimated ${formatEta(s)}`;
  };
  return (
    <div className="panel" aria-label="References">
      <div className="panel-title"><h2>References</h2></div>
      <dl className="kv" data-testid="baselines">
        <dt>Original</dt>
        <dd>{baselines?.original ? `✓ ${baselines.original.id}` : 'missing'}</dd>
        <dt>Retrained ({className})</dt>
        <dd>{cls?.retrained ? `✓ ${cls.retrained.id}` : 'missing'}</dd>
      </dl>
      {recipe && (
        <p className="tick">
          Recipe: SGD, batch {recipe.batchSize}, lr {recipe.lr},{' '}
          <label>
            epochs{' '}
            <input
              type="number"
              aria-label="Epochs for the reference models"
              min={1}
              max={10000}
              step={1}
              value={epochs ?? recipe.epochs}
              onChange={(e) => setEpochs(Number.isInteger(e.target.valueAsNumber) && e.target.valueAsNumber >= 1 ? e.target.valueAsNumber : null)}
              style={{ width: '5em' }}
            />
          </label>
        </p>
      )}
      <p className="chart-controls">
        <button className="primary" disabled={running('original')} title={eta('original')} onClick={() => void submitJob({ kind: 'original', dataset, architecture, ...spec })}>
          {baselines?.original ? 'Retrain Original' : 'Train Original'}
        </button>
        <button className="primary" disabled={running('retrained') || !baselines?.original} title={eta('retrained')} onClick={() => void submitJob({ kind: 'retrained', dataset, architecture, forgetClass, ...spec })}>
          Train Retrained for {className}
        </button>
      </p>
      <p className="tick" data-testid="baseline-estimates">Original: {eta('original')} · Retrained: {eta('retrained')}</p>
    </div>
  );
}
