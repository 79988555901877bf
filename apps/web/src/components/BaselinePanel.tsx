import type { RecipeId } from '@mu/schema';
import { useState } from 'react';
import { formatEta } from '../derive/formatEta.js';
import { estimateJobSeconds, methodEpochs } from '../derive/jobEstimate.js';
import { longJobWarning, parseEpochs } from '../derive/longJob.js';
import { defaultRecipe, recipesFor } from '../derive/recipeChoice.js';
import { isLive } from '../stores/jobsSlice.js';
import { useAppStore } from '../stores/store.js';
import { useClassNames } from '../stores/useClassNames.js';
import { QuickStart } from './QuickStart.js';
import { useConfirmOnce } from './useConfirmOnce.js';

/**
 * Status of the Original and the Retrained model for the class, with buttons to build them, the
 * training recipe (the dataset's quick one by default on a CPU-class backend; epochs editable,
 * a bad value disables the buttons), the time estimated from earlier runs on the server's
 * backend, a confirmation for a job over 30 minutes, and Quick start (ui.md §1.2).
 */
export function BaselinePanel() {
  const { baselines, estimates, methods, dataset, architecture, forgetClass, submitJob, jobs, health } = useAppStore();
  const [epochsText, setEpochsText] = useState<string | null>(null);
  const [recipeId, setRecipeId] = useState<string | null>(null);
  const confirm = useConfirmOnce();
  const classNames = useClassNames();
  if (!dataset || !architecture || forgetClass === null) return null;
  const cls = baselines?.classes.find((c) => c.forgetClass === forgetClass);
  const className = classNames[forgetClass] ?? String(forgetClass);
  const running = (kind: string) => Object.values(jobs).some((j) => isLive(j) && j.kind === kind && j.spec.dataset === dataset && j.spec.architecture === architecture && (kind === 'original' || j.spec.forgetClass === forgetClass));
  const offered = recipesFor(dataset);
  const recipe = offered.find((r) => r.id === recipeId) ?? defaultRecipe(dataset, health?.backend?.name ?? null);
  const parsed = epochsText === null ? { epochs: recipe.epochs, problem: null } : parseEpochs(epochsText);
  const epochs = parsed.epochs ?? recipe.epochs;
  const spec = { recipe: recipe.id as RecipeId, ...(epochs === recipe.epochs ? {} : { epochs }) };
  const seconds = (kind: 'original' | 'retrained') => (estimates ? estimateJobSeconds({ kind, spec }, estimates, methodEpochs(methods)) : null);
  const eta = (kind: 'original' | 'retrained') => {
    const s = seconds(kind);
    return s === null ? 'no earlier run on this backend to estimate from' : `estimated ${formatEta(s)}`;
  };
  const start = (kind: 'original' | 'retrained') =>
    confirm.guard(kind, longJobWarning(seconds(kind), epochs, recipe.epochs), () =>
      void submitJob(kind === 'original' ? { kind, dataset, architecture, ...spec } : { kind, dataset, architecture, forgetClass, ...spec }),
    );
  const invalid = parsed.problem !== null;
  const missing = (what: string, how: string) => <span className="missing">missing: {what} — {how}</span>;
  return (
    <div className="panel" aria-label="References">
      <div className="panel-title"><h2>References</h2></div>
      <dl className="kv" data-testid="baselines">
        <dt>Original</dt>
        <dd>{baselines?.original ? `✓ ${baselines.original.id}` : running('original') ? 'training…' : missing(`no Original of ${architecture} on ${dataset} yet`, 'train it below, use Quick start, or import one')}</dd>
        <dt>Retrained ({className})</dt>
        <dd>
          {cls?.retrained
            ? `✓ ${cls.retrained.id}`
            : running('retrained')
              ? 'training…'
              : missing(`no model trained without ${className} yet`, baselines?.original ? 'train it below or use Quick start' : 'it needs the Original first')}
        </dd>
      </dl>
      <p className="tick">
        <label>
          Recipe{' '}
          <select aria-label="Training recipe of the reference models" value={recipe.id} title={recipe.description} onChange={(e) => { setRecipeId(e.target.value); setEpochsText(null); confirm.disarm(); }}>
            {offered.map((r) => <option key={r.id} value={r.id}>{r.label}</option>)}
          </select>
        </label>
        : SGD, batch {recipe.batchSize}, lr {recipe.lr}, {recipe.augment ? 'crop + flip' : 'no augmentation'},{' '}
        <label>
          epochs{' '}
          <input
            inputMode="numeric"
            aria-label="Epochs for the reference models"
            aria-invalid={invalid}
            aria-describedby="reference-epochs-err"
            value={epochsText ?? String(recipe.epochs)}
            onChange={(e) => { setEpochsText(e.target.value); confirm.disarm(); }}
            style={{ width: '5em' }}
          />
        </label>
      </p>
      <div id="reference-epochs-err" className="field-error" role={invalid ? 'alert' : undefined}>{parsed.problem ?? ''}</div>
      <p className="chart-controls">
        <button className="primary" disabled={invalid || running('original')} title={eta('original')} onClick={() => start('original')}>
          {baselines?.original ? 'Retrain Original' : 'Train Original'}
        </button>
        <button className="primary" disabled={invalid || running('retrained') || (!baselines?.original && !running('original'))} title={eta('retrained')} onClick={() => start('retrained')}>
          Train Retrained for {className}
        </button>
      </p>
      {confirm.armed && confirm.armed.key !== 'quick' && (
        <p className="inline-error" role="alert" data-testid="confirm-long">{confirm.armed.warning} Press the button again to start it.</p>
      )}
      <p className="tick" data-testid="baseline-estimates">Original: {eta('original')} · Retrained: {eta('retrained')}</p>
      <QuickStart
        request={{ dataset, architecture, forgetClass, ...spec }}
        need={{ original: !baselines?.original && !running('original'), retrained: !cls?.retrained && !running('retrained') }}
        disabled={invalid}
        confirm={confirm}
        referenceWarning={(s) => longJobWarning(s, epochs, recipe.epochs)}
      />
    </div>
  );
}
