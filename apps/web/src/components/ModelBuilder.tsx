import { useMemo, useState } from 'react';
import type { ParamValue } from '@mu/schema';
import type { MethodInfo, ResultHeadline } from '../api/types.js';
import { formatEta } from '../derive/formatEta.js';
import { estimateBuildSeconds, methodEpochs } from '../derive/jobEstimate.js';
import { addValue, runCount } from '../derive/sweepPlan.js';
import { useAppStore } from '../stores/store.js';
import { hasCheckpoint } from './hasCheckpoint.js';
import { ParamField } from './ParamField.js';
import { ROLE_LABEL } from './roleLabel.js';

const ADVANCED = new Set(['gradClip', 'etaMin', 'saliencyBatches', 'referenceFisherVariant']);
const defaults = (m: MethodInfo | undefined, values: Record<string, ParamValue | null> = {}): Record<string, ParamValue[]> =>
  Object.fromEntries((m?.params ?? []).map((p) => [p.key, [values[p.key] ?? p.default]]));

/** What the row menu's "Re-run" and "Use as base" open the builder with (ui.md §2.3). */
export interface BuilderPrefill {
  methodId?: string;
  /** Values to start from; an unknown one (null) starts at the default. */
  params?: Record<string, ParamValue | null>;
  seed?: number | null;
  /** A model id (checkpoint); null or absent: the designated Original. */
  baseModelId?: string | null;
}

/** The Model Builder: base model, method, descriptor-generated hyperparameter lists, seeds, run count, BUILD (ui.md §1.3). */
export function ModelBuilder({ onClose, prefill = {} }: { onClose(): void; prefill?: BuilderPrefill }) {
  const { methods, dataset, architecture, forgetClass, submitJob, baselines, rows, estimates } = useAppStore();
  const runnable = methods.filter((m) => m.id !== 'retrain');
  const [methodId, setMethodId] = useState(runnable.find((m) => m.id === prefill.methodId)?.id ?? runnable[0]?.id ?? '');
  const method = methods.find((m) => m.id === methodId);
  const [lists, setLists] = useState<Record<string, ParamValue[]>>(() => defaults(method, prefill.params));
  const [seeds, setSeeds] = useState<number[]>([prefill.seed ?? 2048]);
  const designatedOriginal = baselines?.original?.id ?? null;
  const bases = useMemo(() => baseModels(rows, designatedOriginal), [rows, designatedOriginal]);
  const wantedBase = prefill.baseModelId && prefill.baseModelId !== designatedOriginal ? prefill.baseModelId : '';
  const [base, setBase] = useState(bases.some((b) => b.modelId === wantedBase) ? wantedBase : '');
  const missingBase = wantedBase !== '' && base !== wantedBase ? wantedBase : null;
  const [seedText, setSeedText] = useState('');
  const [confirmBig, setConfirmBig] = useState(false);
  const [busy, setBusy] = useState(false);
  const n = runCount(lists, seeds);
  const emptyList = Object.values(lists).some((l) => l.length === 0) || seeds.length === 0;
  const hasOriginal = baselines?.original !== null && baselines?.original !== undefined;
  const [showAdvanced, setShowAdvanced] = useState(false);
  const params = useMemo(() => method?.params ?? [], [method]);

  const build = async () => {
    if (!method || !dataset || !architecture || forgetClass === null) return;
    if (n > 25 && !confirmBig) return setConfirmBig(true);
    setBusy(true);
    const single = n === 1;
    const params1 = Object.fromEntries(Object.entries(lists).map(([k, v]) => [k, v[0]]));
    const baseModelId = base === '' ? {} : { baseModelId: base };
    const job = single
      ? await submitJob({ kind: 'unlearn', dataset, architecture, forgetClass, method: method.id, params: params1, seed: seeds[0], ...baseModelId })
      : await submitJob({ kind: 'sweep', dataset, architecture, forgetClass, method: method.id, grid: lists, seeds, ...baseModelId });
    setBusy(false);
    if (job) {
      useAppStore.getState().toast('info', `Queued ${n} run(s) of ${method.label}`);
      onClose();
    }
  };

  return (
    <div className="panel builder" role="dialog" aria-label="Model Builder" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="panel-title"><h2>Model Builder</h2><span className="spacer" /><button aria-label="Close Model Builder" onClick={onClose}>×</button></div>
      {!hasOriginal && <p className="inline-error">Unlearning runs need an Original model: train one first.</p>}
      <div className="form-grid">
        <label htmlFor="base-model">Base Model</label>
        <div>
          <select id="base-model" value={base} onChange={(e) => setBase(e.target.value)}>
            <option value="">Designated Original{designatedOriginal ? ` (${designatedOriginal})` : ''}</option>
            {bases.map((b) => <option key={b.modelId} value={b.modelId}>{b.label}</option>)}
          </select>
          {missingBase && <div className="field-error" role="status">Base model <code>{missingBase}</code> has no weights here (deleted or imported); the designated Original is used.</div>}
        </div>
        <label htmlFor="method">Method</label>
        <div>
          <select
            id="method"
            value={methodId}
            onChange={(e) => {
              setMethodId(e.target.value);
              setLists(defaults(methods.find((m) => m.id === e.target.value)));
            }}
          >
            {runnable.map((m) => <option key={m.id} value={m.id}>{m.label}{m.builtIn ? '' : ' (custom)'}</option>)}
          </select>
          <div className="help">{method?.description}</div>
        </div>
        {params.filter((p) => showAdvanced || !ADVANCED.has(p.key)).map((p) => (
          <div key={p.key} className="kv-row">
            <label htmlFor={`param-${p.key}`} title={p.help}>{p.label}</label>
            <ParamField spec={p} values={lists[p.key] ?? []} onChange={(v) => setLists({ ...lists, [p.key]: v })} />
          </div>
        ))}
        {params.some((p) => ADVANCED.has(p.key)) && (
          <div className="kv-row"><span /><button type="button" onClick={() => setShowAdvanced(!showAdvanced)}>{showAdvanced ? 'Hide advanced' : 'Advanced…'}</button></div>
        )}
        <label htmlFor="seed">Seeds</label>
        <div>
          <span className="param-input">
            <input id="seed" inputMode="numeric" value={seedText} onChange={(e) => setSeedText(e.target.value.replace(/\D/g, ''))} />
            <button type="button" aria-label="Add seed" disabled={seedText === ''} onClick={() => { setSeeds(addValue(seeds, Number(seedText))); setSeedText(''); }}>+</button>
          </span>
          <div className="badges">{seeds.map((s) => <button type="button" key={s} className="badge" onClick={() => setSeeds(seeds.filter((x) => x !== s))}>{s} ×</button>)}</div>
        </div>
      </div>
      <p data-testid="run-count">These settings will build and add <b>{n}</b> model(s).</p>
      <p data-testid="build-estimate">
        Estimated time:{' '}
        {(() => {
          const seconds = method && estimates ? estimateBuildSeconds(method.id, lists, seeds, estimates, methodEpochs(methods)) : null;
          return seconds === null ? `unknown (no timed ${method?.label ?? ''} run on this backend yet)` : formatEta(seconds);
        })()}
      </p>
      {confirmBig && <p className="inline-error">That is {n} runs. Press BUILD again to confirm.</p>}
      <button className="primary" disabled={emptyList || busy || !hasOriginal || !method} onClick={() => void build()}>BUILD</button>
    </div>
  );
}

/** Models of the current class with weights on the server, once each (a model may have several records), but the designated Original. */
function baseModels(rows: readonly ResultHeadline[], designatedOriginal: string | null): { modelId: string; label: string }[] {
  const byModel = new Map<string, string>();
  for (const r of rows) {
    if (hasCheckpoint(r) && r.modelId !== designatedOriginal && !byModel.has(r.modelId)) byModel.set(r.modelId, `${ROLE_LABEL[r.role]} · ${r.modelId} (${r.method.label})`);
  }
  return [...byModel].map(([modelId, label]) => ({ modelId, label }));
}
