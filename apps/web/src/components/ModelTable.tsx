import { type KeyboardEvent, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Job, ResultHeadline } from '../api/types.js';
import { brushRows, parallelAxes } from '../derive/parallel.js';
import { colourDomains } from '../derive/rankColours.js';
import { seedGroups, type TableItem } from '../derive/seedGroups.js';
import { filterRows, nextSort, type SortKey } from '../derive/sortRows.js';
import { isLive } from '../stores/jobsSlice.js';
import { useAppStore } from '../stores/store.js';
import { useColours } from './colours.js';
import { ColumnChooser } from './ColumnChooser.js';
import { MethodFilter } from './MethodFilter.js';
import { type BuilderPrefill, ModelBuilder } from './ModelBuilder.js';
import { RecordRow } from './RecordRow.js';
import { SeedGroupRow } from './SeedGroupRow.js';
import { METRIC_COLUMNS, STANDARD_HYPER, extraSortKey } from './tableColumns.js';
import { itemKey, type TableRowContext } from './tableRowContext.js';
import './ModelTable.css';

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

const STANDARD_KEYS = new Set<string>(STANDARD_HYPER.map((h) => h.key));

/** Hyperparameters present in the rows beyond the standard columns (the column chooser's choices). */
function otherHyperparameters(rows: readonly ResultHeadline[]): string[] {
  return [...new Set(rows.flatMap((r) => Object.keys(r.hyperparameters)))].filter((k) => !STANDARD_KEYS.has(k)).sort();
}

/**
 * "Model Screening": the class's records, seed groups as expandable rows, sortable and filterable,
 * with A/B radios, row menus, a column chooser and keyboard navigation (↑/↓ between rows, Enter
 * for details, "a"/"b" to pick the focused row as Model A/B).
 */
export function ModelTable({ rows, onDetails }: { rows: ResultHeadline[]; onDetails(id: string): void }) {
  const s = useAppStore(
    useShallow((st) => ({
      methodFilter: st.methodFilter,
      brushes: st.brushes,
      sort: st.sort,
      jobs: st.jobs,
      dataset: st.dataset,
      architecture: st.architecture,
      forgetClass: st.forgetClass,
      baselines: st.baselines,
      extraColumns: st.extraColumns,
      tableExpanded: st.tableExpanded,
    })),
  );
  const c = useColours();
  const [menu, setMenu] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const [builder, setBuilder] = useState<BuilderPrefill | null>(null);
  const body = useRef<HTMLTableSectionElement>(null);
  const visible = useMemo(() => brushRows(filterRows(rows, s.methodFilter), parallelAxes(rows, s.methodFilter), s.brushes), [rows, s.methodFilter, s.brushes]);
  const items = useMemo(() => seedGroups(visible, s.sort), [visible, s.sort]);
  const domains = useMemo(() => colourDomains(visible), [visible]);
  const available = useMemo(() => otherHyperparameters(rows), [rows]);
  const extraColumns = s.extraColumns.filter((k) => available.includes(k));
  const placeholders = useMemo(
    () => Object.values(s.jobs).filter((j: Job) => isLive(j) && j.kind !== 'sweep' && j.spec.dataset === s.dataset && j.spec.architecture === s.architecture && (j.spec.forgetClass === s.forgetClass || j.kind === 'original')),
    [s.jobs, s.dataset, s.architecture, s.forgetClass],
  );
  const references = s.baselines?.classes.find((x) => x.forgetClass === s.forgetClass);
  const toggle = (id: string) => setExpanded((e) => (e.has(id) ? new Set([...e].filter((x) => x !== id)) : new Set([...e, id])));

  const onRowKey = (e: KeyboardEvent<HTMLTableRowElement>, item: TableItem) => {
    if (e.target !== e.currentTarget) return;
    const step = { ArrowDown: 1, ArrowUp: -1 }[e.key];
    if (step !== undefined) {
      e.preventDefault();
      const shown = [...(body.current?.querySelectorAll<HTMLTableRowElement>('tr[data-key]:not([hidden])') ?? [])];
      const next = shown[shown.indexOf(e.currentTarget) + step];
      if (next) {
        setFocusKey(next.dataset.key!);
        next.focus();
      }
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (item.kind === 'row') onDetails(item.row.id);
      else toggle(item.group.id);
    } else if (e.key === 'a' || e.key === 'b') {
      const st = useAppStore.getState();
      if (item.kind === 'row') (e.key === 'a' ? st.pickA : st.pickB)(item.row.id);
      else (e.key === 'a' ? st.pickGroupA : st.pickGroupB)(item.group.members.map((m) => m.id));
    } else if (item.kind === 'group' && (e.key === 'ArrowRight' || e.key === 'ArrowLeft') && expanded.has(item.group.id) === (e.key === 'ArrowLeft')) {
      toggle(item.group.id);
    }
  };

  // Roving tabindex: the focused row if it is still shown, else the first row.
  const shownKeys = items.flatMap((i) => [itemKey(i), ...(i.kind === 'group' && expanded.has(i.group.id) ? i.group.members.map((m) => `r:${m.id}`) : [])]);
  const ctx: TableRowContext = {
    extraColumns,
    domains,
    focusKey: focusKey !== null && shownKeys.includes(focusKey) ? focusKey : (shownKeys[0] ?? null),
    setFocusKey,
    onRowKey,
    menu,
    setMenu,
    designated: new Set([references?.originalRecordId, references?.retrainedRecordId]),
    runningBases: new Set(Object.values(s.jobs).filter(isLive).map((j) => j.spec.baseModelId as string | undefined)),
    knownModels: new Set([...rows.map((r) => r.modelId), ...(s.baselines?.original ? [s.baselines.original.id] : [])]),
    recordOfModel: new Map(rows.map((r) => [r.modelId, r.id])),
    onDetails,
    onBuild: setBuilder,
  };
  return (
    <div className={`table-wrap ${s.tableExpanded ? 'expanded' : 'collapsed'}`} data-testid="model-table-wrap">
      <table className="model-table" aria-label="Model Screening" data-testid="model-table">
        <thead>
          <tr>
            <SortHeader k="id" label="ID" title="Record id" />
            <th title="Model type">Type</th>
            <th title="Base model id">Base</th>
            <th title="Unlearning method">
              <span className="th-flex">Method <MethodFilter rows={rows} /></span>
            </th>
            {STANDARD_HYPER.map((h) => <SortHeader key={h.key} k={h.key} label={h.label} title={h.title} />)}
            <SortHeader k="seed" label="Seed" title="Seed (n = number of seeds in a group)" />
            {extraColumns.map((k) => <SortHeader key={k} k={extraSortKey(k)} label={k} title={`Hyperparameter ${k}`} />)}
            {METRIC_COLUMNS.map((m) => <SortHeader key={m.key} k={m.key} label={m.label} title={m.title} />)}
            <th title="Choose as Model A" style={{ color: c.AStroke }}>A</th>
            <th title="Choose as Model B" style={{ color: c.BStroke }}>B</th>
            <th className="row-actions">
              <span className="sr-only">Actions</span>
              <ColumnChooser available={available} />
            </th>
          </tr>
        </thead>
        <tbody ref={body}>
          {items.map((item) =>
            item.kind === 'row' ? (
              <RecordRow key={item.row.id} row={item.row} group={null} hidden={false} ctx={ctx} />
            ) : (
              <SeedGroupRow key={`group-${item.group.id}`} group={item.group} expanded={expanded.has(item.group.id)} onToggle={() => toggle(item.group.id)} ctx={ctx} />
            ),
          )}
          {placeholders.map((j) => (
            <tr key={`job-${j.id}`} className="placeholder" data-job={j.id}>
              <td className="mono">job {j.id}</td>
              <td><span className="type-badge">{j.kind === 'unlearn' ? 'Unlearned' : j.kind === 'original' ? 'Original' : 'Retrained'}</span></td>
              <td>–</td>
              <td>{String(j.spec.method ?? j.kind)}</td>
              <td colSpan={STANDARD_HYPER.length + 1 + extraColumns.length + METRIC_COLUMNS.length}><span className="spinner" aria-hidden /> {j.status}{j.progress ? ` · ${j.progress.stage}` : ''}</td>
              <td colSpan={3} />
            </tr>
          ))}
        </tbody>
      </table>
      {visible.length === 0 && placeholders.length === 0 && <p className="empty-inline">{rows.length > 0 ? `None of the ${rows.length} models matches the method filter or the brushes: clear them to see every model.` : 'No models yet — build or import one.'}</p>}
      {builder && (
        <div className="builder-overlay" onMouseDown={(e) => e.target === e.currentTarget && setBuilder(null)}>
          <ModelBuilder prefill={builder} onClose={() => setBuilder(null)} />
        </div>
      )}
    </div>
  );
}
