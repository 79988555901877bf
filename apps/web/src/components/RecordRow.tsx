import type { ResultHeadline } from '../api/types.js';
import { PS_MISSING_HINT } from '../derive/privacyScoreNote.js';
import { cellColour } from '../derive/rankColours.js';
import { useAppStore } from '../stores/store.js';
import { useSides } from '../stores/useSides.js';
import { useColours } from './colours.js';
import { BaseCell } from './BaseCell.js';
import { ROLE_LABEL } from './roleLabel.js';
import { RowMenu } from './RowMenu.js';
import { METRIC_COLUMNS, STANDARD_HYPER, formatValue } from './tableColumns.js';
import type { TableRowContext } from './tableRowContext.js';

/** One record of the model table; a seed group's member when `group` is set (indented, hidden while collapsed). */
export function RecordRow({ row: r, group, hidden, ctx }: { row: ResultHeadline; group: string | null; hidden: boolean; ctx: TableRowContext }) {
  const c = useColours();
  const { modelA, modelB, groupA: sideA, groupB: sideB, takenA, takenB } = useSides();
  const key = `r:${r.id}`;
  const classes = [r.id === modelA && !sideA ? 'is-a' : r.id === modelB && !sideB ? 'is-b' : '', group ? 'member' : ''].filter(Boolean).join(' ');
  const deleteBlocked = ctx.designated.has(r.id) ? 'Designated references cannot be deleted' : ctx.runningBases.has(r.modelId) ? 'A running job uses this model' : null;
  return (
    <tr
      data-id={r.id}
      data-key={key}
      data-member-of={group ?? undefined}
      hidden={hidden}
      className={classes}
      tabIndex={ctx.focusKey === key ? 0 : -1}
      aria-label={`${ROLE_LABEL[r.role]} ${r.method.label} ${r.id}`}
      onFocus={(e) => e.target === e.currentTarget && ctx.setFocusKey(key)}
      onKeyDown={(e) => ctx.onRowKey(e, { kind: 'row', row: r })}
      onContextMenu={(e) => { e.preventDefault(); ctx.setMenu(r.id); }}
    >
      <td className="mono id-cell">
        <button className="link" onClick={() => ctx.onDetails(r.id)} title="Details">{r.id}</button>
        {r.source === 'import' && <span className="marker" title="Imported from the reference system">⇩</span>}
      </td>
      <td><span className={`type-badge ${r.role}`}>{ROLE_LABEL[r.role]}</span></td>
      <BaseCell r={r} ctx={ctx} />
      <td>{r.method.label}</td>
      {STANDARD_HYPER.map((h) => <td key={h.key} className="num">{formatValue(r.hyperparameters[h.key])}</td>)}
      <td className="num">{formatValue(r.seed)}</td>
      {ctx.extraColumns.map((k) => <td key={k} className="num" data-hyper={k}>{formatValue(r.hyperparameters[k])}</td>)}
      {METRIC_COLUMNS.map((m) => {
        const v = r.metrics[m.key];
        const col = cellColour(m.key, v, ctx.domains);
        const basis = m.key === 'PS' && v !== null && r.metrics.psBasis && r.metrics.psBasis !== 'full' ? r.metrics.psBasis : null;
        return (
          <td key={m.key} className="num metric" data-metric={m.key} style={{ background: col.background, color: col.color }} title={basis ? `PS basis: ${basis} (not the full-set PS)` : m.key === 'PS' && v === null ? PS_MISSING_HINT : undefined}>
            {v === null ? '–' : v.toFixed(m.digits)}
            {basis && <sup>{basis === 'subset-200' ? '200' : 'mix'}</sup>}
          </td>
        );
      })}
      <td>
        <input type="radio" name="model-a" aria-label={`Model A: ${r.id}`} checked={modelA === r.id && !sideA} disabled={takenB.includes(r.id)} onChange={() => useAppStore.getState().pickA(r.id)} style={{ accentColor: c.A }} />
      </td>
      <td>
        <input type="radio" name="model-b" aria-label={`Model B: ${r.id}`} checked={modelB === r.id && !sideB} disabled={takenA.includes(r.id)} onChange={() => useAppStore.getState().pickB(r.id)} style={{ accentColor: c.B }} />
      </td>
      <td className="row-actions">
        <RowMenu row={r} open={ctx.menu === r.id} setOpen={(o) => ctx.setMenu(o ? r.id : null)} deleteBlocked={deleteBlocked} onDetails={ctx.onDetails} onBuild={ctx.onBuild} />
      </td>
    </tr>
  );
}
