import { useMemo, useState } from 'react';
import { api } from '../api/client.js';
import type { Job, ResultHeadline } from '../api/types.js';
import { cellColour, colourDomains, type MetricKey } from '../derive/rankColours.js';
import { filterRows, nextSort, type SortKey, sortRows } from '../derive/sortRows.js';
import { brushRows, parallelAxes } from '../derive/parallel.js';
import { isLive } from '../stores/jobsSlice.js';
import { useAppStore } from '../stores/store.js';
import { useColours } from './colours.js';
import { MethodFilter } from './MethodFilter.js';

const METRICS: { key: MetricKey; label: string; title: string; digits: number }[] = [
  { key: 'UA', label: 'UA', title: 'Unlearning Accuracy (forget-class train accuracy; lower is better)', digits: 3 },
  { key: 'RA', label: 'RA', title: 'Remaining Accuracy (retain-class train accuracy)', digits: 3 },
  { key: 'TUA', label: 'TUA', title: 'Test Unlearning Accuracy (forget-class test accuracy)', digits: 3 },
  { key: 'TRA', label: 'TRA', title: 'Test Remaining Accuracy', digits: 3 },
  { key: 'RTE', label: 'RT', title: 'Run-Time Efficiency: unlearning seconds', digits: 1 },
  { key: 'PS', label: 'PS', title: 'Privacy Score: 1 − worst-case attack score', digits: 3 },
];
const HYPER: { key: SortKey; label: string; title: string }[] = [
  { key: 'epochs', label: 'Epoch', title: 'Epochs' },
  { key: 'batchSize', label: 'BS', title: 'Batch size' },
  { key: 'lr', label: 'LR', title: 'Learning rate' },
  { key: 'seed', label: 'Seed', title: 'Seed' },
];

const TYPE_LABEL = { original: 'Original', retrained: 'Retrained', unlearned: 'Unlearned' } as const;

function SortHeader({ k, label, title }: { k: SortKey; label: string; title: string }) {
  const sort = useAppStore((s) => s.sort);
  const setSort = useAppStore((s) => s.setSort);
  const dir = sort?.key === k ? sort.dir : null;
  return (
    <th title={title} aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}>
      <button className="sort" onClick={() => setSort(nextSort(sort, k))}>
        {label}
        <span className="sort-icon" aria-hidden>
          <span className={dir === 'asc' ? 'on' : ''}>▲</span>
          <span className={dir === 'desc' ? 'on' : ''}>▼</span>
        </span>
      </button>
    </th>
  );
}

const fmt = (v: unknown) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : String(+v.toPrecision(3))) : v === undefined || v === null ? '–' : String(v));

/** "Model Screening": sortable, filterable table of the class's records with A/B radios and row actions. */
export function ModelTable({ rows, onDetails }: { rows: ResultHeadline[]; onDetails(id: string): void }) {
  const s = useAppStore();
  const c = useColours();
  const [menu, setMenu] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const axes = useMemo(() => parallelAxes(rows), [rows]);
  const visible = useMemo(() => sortRows(brushRows(filterRows(rows, s.methodFilter), axes, s.brushes), s.sort), [rows, axes, s.methodFilter, s.brushes, s.sort]);
  const domains = useMemo(() => colourDomains(visible), [visible]);
  const placeholders = useMemo(
    () => Object.values(s.jobs).filter((j: Job) => isLive(j) && j.kind !== 'sweep' && j.spec.dataset === s.dataset && j.spec.architecture === s.architecture && (j.spec.forgetClass === s.forgetClass || j.kind === 'original')),
    [s.jobs, s.dataset, s.architecture, s.forgetClass],
  );
  const designated = new Set([s.baselines?.classes.find((x) => x.forgetClass === s.forgetClass)?.originalRecordId, s.baselines?.classes.find((x) => x.forgetClass === s.forgetClass)?.retrainedRecordId]);
  const runningBases = new Set(Object.values(s.jobs).filter(isLive).map((j) => j.spec.baseModelId as string | undefined));
  return (
    <div className="table-wrap">
      <table className="model-table" aria-label="Model Screening" data-testid="model-table">
        <thead>
          <tr>
            <SortHeader k="id" label="ID" title="Record id" />
            <th title="Model type">Type</th>
            <th title="Base model id">Base</th>
            <th title="Unlearning method">
              <span className="th-flex">Method <MethodFilter rows={rows} /></span>
            </th>
            {HYPER.map((h) => <SortHeader key={h.key} k={h.key} label={h.label} title={h.title} />)}
            {METRICS.map((m) => <SortHeader key={m.key} k={m.key} label={m.label} title={m.title} />)}
            <th title="Choose as Model A" style={{ color: c.AStroke }}>A</th>
            <th title="Choose as Model B" style={{ color: c.BStroke }}>B</th>
            <th><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {visible.map((r) => (
            <tr key={r.id} data-id={r.id} className={r.id === s.modelA ? 'is-a' : r.id === s.modelB ? 'is-b' : ''} onContextMenu={(e) => { e.preventDefault(); setMenu(r.id); }}>
              <td className="mono">
                <button className="link" onClick={() => onDetails(r.id)} title="Details">{r.id.slice(0, 10)}</button>
                {r.source === 'import' && <span className="marker" title="Imported from the reference system">⇩</span>}
              </td>
              <td><span className={`type-badge ${r.role}`}>{TYPE_LABEL[r.role]}</span></td>
              <td className="mono">{r.baseModelId ?? '–'}</td>
              <td>{r.method.label}</td>
              <td className="num">{fmt(r.hyperparameters.epochs)}</td>
              <td className="num">{fmt(r.hyperparameters.batchSize)}</td>
              <td className="num">{fmt(r.hyperparameters.lr)}</td>
              <td className="num">{fmt(r.seed)}</td>
              {METRICS.map((m) => {
                const v = r.metrics[m.key] as number | null;
                const col = cellColour(m.key, v, domains);
                const basis = m.key === 'PS' && v !== null && r.metrics.psBasis && r.metrics.psBasis !== 'full' ? r.metrics.psBasis : null;
                return (
                  <td key={m.key} className="num metric" data-metric={m.key} style={{ background: col.background, color: col.color }} title={basis ? `PS basis: ${basis} (not the full-set PS)` : undefined}>
                    {v === null ? '–' : v.toFixed(m.digits)}
                    {basis && <sup>{basis === 'subset-200' ? '200' : 'mix'}</sup>}
                  </td>
                );
              })}
              <td>
                <input type="radio" name="model-a" aria-label={`Model A: ${r.id}`} checked={s.modelA === r.id} disabled={s.modelB === r.id} onChange={() => s.pickA(r.id)} style={{ accentColor: c.A }} />
              </td>
              <td>
                <input type="radio" name="model-b" aria-label={`Model B: ${r.id}`} checked={s.modelB === r.id} disabled={s.modelA === r.id} onChange={() => s.pickB(r.id)} style={{ accentColor: c.B }} />
              </td>
              <td className="row-actions">
                <button aria-label={`Actions for ${r.id}`} aria-haspopup="menu" aria-expanded={menu === r.id} onClick={() => setMenu(menu === r.id ? null : r.id)}>⋯</button>
                {menu === r.id && (
                  <div className="menu" role="menu" onKeyDown={(e) => e.key === 'Escape' && setMenu(null)}>
                    <button role="menuitem" autoFocus onClick={() => { onDetails(r.id); setMenu(null); }}>Details</button>
                    <a role="menuitem" href={api.exportUrl('json', [r.id])} download={`${r.id}.json`} onClick={() => setMenu(null)}>Download JSON</a>
                    <a role="menuitem" href={api.exportUrl('csv', [r.id])} download={`${r.id}.csv`} onClick={() => setMenu(null)}>Download CSV</a>
                    <button
                      role="menuitem"
                      disabled={designated.has(r.id) || runningBases.has(r.modelId)}
                      title={designated.has(r.id) ? 'Designated references cannot be deleted' : undefined}
                      onClick={() => { setConfirmDelete(r.id); setMenu(null); }}
                    >
                      Delete
                    </button>
                  </div>
                )}
                {confirmDelete === r.id && (
                  <div className="menu confirm" role="dialog" aria-label="Confirm delete">
                    <p>Delete {r.id}? This cannot be undone.</p>
                    <button className="danger" autoFocus onClick={() => { void s.deleteRow(r.id); setConfirmDelete(null); }}>Delete</button>
                    <button onClick={() => setConfirmDelete(null)}>Cancel</button>
                  </div>
                )}
              </td>
            </tr>
          ))}
          {placeholders.map((j) => (
            <tr key={`job-${j.id}`} className="placeholder" data-job={j.id}>
              <td className="mono">job {j.id}</td>
              <td><span className="type-badge">{j.kind === 'unlearn' ? 'Unlearned' : j.kind === 'original' ? 'Original' : 'Retrained'}</span></td>
              <td>–</td>
              <td>{String(j.spec.method ?? j.kind)}</td>
              <td colSpan={10}><span className="spinner" aria-hidden /> {j.status}{j.progress ? ` · ${j.progress.stage}` : ''}</td>
              <td colSpan={3} />
            </tr>
          ))}
        </tbody>
      </table>
      {visible.length === 0 && placeholders.length === 0 && <p className="empty-inline">No models yet — build or import one.</p>}
    </div>
  );
}
