import { isLive } from '../stores/jobsSlice.js';
import { useAppStore } from '../stores/store.js';

/** Status of the Original and the Retrained model for the class, with buttons to build them (ui.md §1.2). */
export function BaselinePanel() {
  const { baselines, dataset, architecture, forgetClass, submitJob, jobs, datasets } = useAppStore();
  if (!dataset || !architecture || forgetClass === null) return null;
  const cls = baselines?.classes.find((c) => c.forgetClass === forgetClass);
  const className = datasets.find((d) => d.id === dataset)?.classNames[forgetClass] ?? String(forgetClass);
  const running = (kind: string) => Object.values(jobs).some((j) => isLive(j) && j.kind === kind && j.spec.dataset === dataset && j.spec.architecture === architecture && (kind === 'original' || j.spec.forgetClass === forgetClass));
  return (
    <div className="panel" aria-label="References">
      <div className="panel-title"><h2>References</h2></div>
      <dl className="kv" data-testid="baselines">
        <dt>Original</dt>
        <dd>{baselines?.original ? `✓ ${baselines.original.id}` : 'missing'}</dd>
        <dt>Retrained ({className})</dt>
        <dd>{cls?.retrained ? `✓ ${cls.retrained.id}` : 'missing'}</dd>
      </dl>
      <p className="chart-controls">
        <button className="primary" disabled={running('original')} onClick={() => void submitJob({ kind: 'original', dataset, architecture })}>
          {baselines?.original ? 'Retrain Original' : 'Train Original'}
        </button>
        <button className="primary" disabled={running('retrained') || !baselines?.original} onClick={() => void submitJob({ kind: 'retrained', dataset, architecture, forgetClass })}>
          Train Retrained for {className}
        </button>
      </p>
    </div>
  );
}
