import type { RecipeId } from '@mu/schema';
import { useState } from 'react';
import { formatEta } from '../derive/formatEta.js';
import { estimateJobSeconds, methodEpochs } from '../derive/jobEstimate.js';
import { defaultRecipe, recipesFor } from '../derive/recipeChoice.js';
import { isLive } from '../stores/jobsSlice.js';
import { useAppStore } from '../stores/store.js';
import { useClassNames } from '../stores/useClassNames.js';

/**
 * Status of the Original and the Retrained model for the class, with buttons to build them, the
 * training recipe (the dataset's quick one by default on a CPU-class backend; epochs editable),
 * and the time estimated from earlier runs on the server's backend (ui.md §1.2).
 */
export function BaselinePanel() {
  const { baselines, estimates, methods, dataset, architecture, forgetClass, submitJob, jobs, health } = useAppStore();
  const [epochs, setEpochs] = useState<number | null>(null);
  const [recipeId, setRecipeId] = useState<string | null>(null);
  const classNames = useClassNames();
  if (!dataset || !architecture || forgetClass === null) return null;
  const cls = baselines?.classes.find((c) => c.forgetClass === forgetClass);
  const className = classNames[forgetClass] ?? String(forgetClass);
  const running = (kind: string) => Object.values(jobs).some((j) => isLive(j) && j.kind === kind && j.spec.dataset === dataset && j.spec.architecture === architecture && (kind === 'original' || j.spec.forgetClass === forgetClass));
  const offered = recipesFor(dataset);
  const recipe = offered.find((r) => r.id === recipeId) ?? defaultRecipe(dataset, health?.backend?.name ?? null);
  const spec = { recipe: recipe.id as RecipeId, ...(epochs === null ? {} : { epochs }) };
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
      <p className="tick">
        <label>
          Recipe{' '}
          <select aria-label="Training recipe of the reference models" value={recipe.id} title={recipe.description} onChange={(e) => { setRecipeId(e.target.value); setEpochs(null); }}>
            {offered.map((r) => <option key={r.id} value={r.id}>{r.label}</option>)}
          </select>
        </label>
        : SGD, batch {recipe.batchSize}, lr {recipe.lr}, {recipe.augment ? 'crop + flip' : 'no augmentation'},{' '}
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
