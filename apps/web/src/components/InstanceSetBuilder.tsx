import { useId, useState } from 'react';
import { type Group, type Item, type Model, PRESETS, type Predicate, usesPredicate } from '../derive/instanceSet.js';
import { instanceSetCsv, instanceSetJson } from '../derive/instanceSetExport.js';
import { downloadText } from '../io/downloadFile.js';
import { useInstanceSet } from '../stages/useInstanceSet.js';
import { useAppStore } from '../stores/store.js';
import { useClassNames } from '../stores/useClassNames.js';
import './InstanceSetBuilder.css';

const KINDS: { kind: Predicate['kind']; label: string }[] = [
  { kind: 'forget', label: 'is a forget-class sample' },
  { kind: 'retain', label: 'is a retain-class sample' },
  { kind: 'trueClass', label: 'has true class' },
  { kind: 'correct', label: 'is classified correctly by' },
  { kind: 'predicted', label: 'is predicted as' },
  { kind: 'attributed', label: 'is attributed by the attack (current threshold) to' },
  { kind: 'lasso', label: 'is inside the lasso' },
];

const EMPTY: Group = { kind: 'group', op: 'all', items: [] };
const MAX_DEPTH = 2;

function defaultPredicate(kind: Predicate['kind'], forgetClass: number): Predicate {
  switch (kind) {
    case 'trueClass':
      return { kind, k: forgetClass };
    case 'predicted':
      return { kind, model: 'B', k: forgetClass };
    case 'correct':
    case 'attributed':
      return { kind, model: 'B' };
    default:
      return { kind };
  }
}

interface EditorProps<T> {
  value: T;
  onChange(value: T): void;
  classNames: readonly string[];
  forgetClass: number;
}

function ClassSelect({ value, onChange, classNames, forgetClass, label }: EditorProps<number> & { label: string }) {
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(Number(e.target.value))}>
      {classNames.map((name, k) => <option key={k} value={k}>{name}{k === forgetClass ? ' (forget)' : ''}</option>)}
    </select>
  );
}

function ModelSelect({ value, onChange, label }: { value: Model; onChange(m: Model): void; label: string }) {
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value as Model)}>
      <option value="A">Model A</option>
      <option value="B">Model B</option>
    </select>
  );
}

function PredicateEditor({ value: p, onChange, classNames, forgetClass, n }: EditorProps<Predicate> & { n: string }) {
  const common = { classNames, forgetClass };
  return (
    <span className="is-predicate">
      <select aria-label={`Condition ${n}`} value={p.kind} onChange={(e) => onChange(defaultPredicate(e.target.value as Predicate['kind'], forgetClass))}>
        {KINDS.map((k) => <option key={k.kind} value={k.kind}>{k.label}</option>)}
      </select>
      {p.kind === 'trueClass' && <ClassSelect label={`True class of condition ${n}`} value={p.k} onChange={(k) => onChange({ ...p, k })} {...common} />}
      {p.kind === 'predicted' && (
        <>
          <ClassSelect label={`Predicted class of condition ${n}`} value={p.k} onChange={(k) => onChange({ ...p, k })} {...common} /> by{' '}
          <ModelSelect label={`Model of condition ${n}`} value={p.model} onChange={(model) => onChange({ ...p, model })} />
        </>
      )}
      {(p.kind === 'correct' || p.kind === 'attributed') && <ModelSelect label={`Model of condition ${n}`} value={p.model} onChange={(model) => onChange({ ...p, model })} />}
    </span>
  );
}

/** One "all / any of these" group: its items, each negatable, and buttons that add a condition or a nested group. */
function GroupEditor({ value: g, onChange, classNames, forgetClass, path }: EditorProps<Group> & { path: string }) {
  const setItem = (i: number, item: Item) => onChange({ ...g, items: g.items.map((it, j) => (j === i ? item : it)) });
  const add = (term: Predicate | Group) => onChange({ ...g, items: [...g.items, { not: false, term }] });
  const depth = path ? path.split('.').length : 0;
  return (
    <fieldset className="is-group">
      <legend>
        Instances matching{' '}
        <select aria-label={`Combine the conditions of group ${path || 'top'}`} value={g.op} onChange={(e) => onChange({ ...g, op: e.target.value as Group['op'] })}>
          <option value="all">all (AND)</option>
          <option value="any">any (OR)</option>
        </select>{' '}
        of these:
      </legend>
      <ol className="is-items">
        {g.items.map((it, i) => {
          const n = path ? `${path}.${i + 1}` : String(i + 1);
          return (
            <li key={i}>
              <label className="is-not"><input type="checkbox" checked={it.not} onChange={(e) => setItem(i, { ...it, not: e.target.checked })} aria-label={`Negate condition ${n} (NOT)`} /> NOT</label>
              {it.term.kind === 'group' ? (
                <GroupEditor value={it.term} onChange={(term) => setItem(i, { ...it, term })} classNames={classNames} forgetClass={forgetClass} path={n} />
              ) : (
                <PredicateEditor value={it.term} onChange={(term) => setItem(i, { ...it, term })} classNames={classNames} forgetClass={forgetClass} n={n} />
              )}
              <button type="button" className="is-remove" aria-label={`Remove condition ${n}`} onClick={() => onChange({ ...g, items: g.items.filter((_, j) => j !== i) })}>×</button>
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => add(defaultPredicate('forget', forgetClass))}>+ Condition</button>{' '}
      {depth < MAX_DEPTH && <button type="button" onClick={() => add({ kind: 'group', op: 'any', items: [{ not: false, term: defaultPredicate('correct', forgetClass) }] })}>+ Group</button>}
    </fieldset>
  );
}

const formatCount = (n: number) => n.toLocaleString('en-US');

/**
 * Instance-set filters (ui.md §6 item 6): presets and a builder of AND / OR / NOT conditions over
 * the embedding sample; shows the live count and exports the indices. The set it selects is
 * emphasised in both scatter plots and the attack grids. Collapsible.
 */
export function InstanceSetBuilder() {
  const classNames = useClassNames();
  const expr = useAppStore((s) => s.instanceSetExpr);
  const setExpr = useAppStore((s) => s.setInstanceSetExpr);
  const lassoKeys = useAppStore((s) => s.lassoKeys);
  const aId = useAppStore((s) => s.modelA);
  const bId = useAppStore((s) => s.modelB);
  const view = useInstanceSet(classNames);
  const [open, setOpen] = useState(expr !== null);
  const bodyId = useId();
  if (!view) return null;
  const { result, rows, ctx } = view;
  const forgetClass = ctx.forgetClass;
  const value = expr ?? EMPTY;
  const change = (g: Group) => setExpr(g.items.length > 0 ? g : null);
  const presetId = result?.presetId ?? '';
  const missingAttack = (['A', 'B'] as const).filter((m) => ctx.attributed[m] === null && usesPredicate(value, (p) => p.kind === 'attributed' && p.model === m));
  const fileName = `instance-set-${aId}-${bId}`;
  return (
    <section className="chart-frame instance-set" aria-label="Instance set filter">
      <div className="is-head">
        <button type="button" className="is-toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> Instance Set
        </button>
        <span className="is-count" role="status" data-testid="instance-set-count" data-count={result ? result.rows.length : ''}>
          {result ? `${formatCount(result.rows.length)} of ${formatCount(rows.length)} instances` : `No filter (all ${formatCount(rows.length)} instances)`}
        </span>
        {result && <span className="is-label" title={result.label}>{result.label}</span>}
      </div>
      {open && (
        <div id={bodyId} className="is-body">
          <div className="is-toolbar">
            <label>
              Preset{' '}
              <select aria-label="Instance-set preset" value={presetId} onChange={(e) => change(PRESETS.find((p) => p.id === e.target.value)?.expr ?? EMPTY)}>
                <option value="" disabled>{result ? 'Custom' : 'Choose a preset…'}</option>
                {PRESETS.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
              </select>
            </label>
            <button type="button" onClick={() => setExpr(null)} disabled={!expr}>Clear</button>
            <button type="button" disabled={!result} aria-label="Export the instance set's indices as JSON" onClick={() => result && downloadText(instanceSetJson(result.rows, result.label, result.code), 'application/json', `${fileName}.json`)}>Export JSON</button>
            <button type="button" disabled={!result} aria-label="Export the instance set's indices as CSV" onClick={() => result && downloadText(instanceSetCsv(result.rows, view.a, view.b), 'text/csv', `${fileName}.csv`)}>Export CSV</button>
          </div>
          <GroupEditor value={value} onChange={change} classNames={classNames} forgetClass={forgetClass} path="" />
          {usesPredicate(value, (p) => p.kind === 'lasso') && !lassoKeys && <p className="is-note">No lasso drawn yet: draw one in an embedding plot.</p>}
          {missingAttack.length > 0 && <p className="is-note">No attack view for Model {missingAttack.join(' and ')} (Retrained model, or no attack values): its attribution selects nothing.</p>}
          <p className="is-note">Attribution applies to forget-class samples only (the attack subset); retain-class samples are never attributed.</p>
        </div>
      )}
    </section>
  );
}
