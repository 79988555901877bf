import { cellColour } from '../derive/rankColours.js';
import type { SeedGroup } from '../derive/seedGroups.js';
import { useAppStore } from '../stores/store.js';
import { useSides } from '../stores/useSides.js';
import { useColours } from './colours.js';
import { RecordRow } from './RecordRow.js';
import { BaseCell } from './BaseCell.js';
import { ROLE_LABEL } from './roleLabel.js';
import { METRIC_COLUMNS, STANDARD_HYPER, formatValue } from './tableColumns.js';
import type { TableRowContext } from './tableRowContext.js';

/**
 * A seed group (ui.md §6 item 7): the shared configuration, "n = k" in the Seed column, mean ± sd
 * per metric (coloured by the mean), its own A/B radios, and a toggle that shows the members
 * beneath. Members stay in the DOM while collapsed (hidden), so `tr[data-id]` lists every record.
 */
export function SeedGroupRow({ group: g, expanded, onToggle, ctx }: { group: SeedGroup; expanded: boolean; onToggle(): void; ctx: TableRowContext }) {
  const c = useColours();
  const { groupA: sideA, groupB: sideB, takenA, takenB } = useSides();
  const ids = g.members.map((m) => m.id);
  const isA = sideA !== null && ids.some((id) => sideA.includes(id));
  const isB = sideB !== null && ids.some((id) => sideB.includes(id));
  const first = g.members[0];
  const key = `g:${g.id}`;
  const label = `group of ${ids.length} seeds (${first.method.label})`;
  return (
    <>
      <tr
        data-group={g.id}
        data-key={key}
        data-n={ids.length}
        className={['group', isA ? 'is-a' : isB ? 'is-b' : ''].filter(Boolean).join(' ')}
        tabIndex={ctx.focusKey === key ? 0 : -1}
        aria-label={label}
        aria-expanded={expanded}
        onFocus={(e) => e.target === e.currentTarget && ctx.setFocusKey(key)}
        onKeyDown={(e) => ctx.onRowKey(e, { kind: 'group', group: g })}
      >
        <td className="mono id-cell">
          <button className="group-toggle" aria-expanded={expanded} aria-label={`${expanded ? 'Collapse' : 'Expand'} ${label}`} onClick={onToggle}>
            <span aria-hidden>{expanded ? '▾' : '▸'}</span> {g.id.slice(0, 10)} …
          </button>
        </td>
        <td><span className={`type-badge ${first.role}`}>{ROLE_LABEL[first.role]}</span></td>
        <BaseCell r={first} ctx={ctx} />
        <td>{first.method.label}</td>
        {STANDARD_HYPER.map((h) => <td key={h.key} className="num">{formatValue(first.hyperparameters[h.key])}</td>)}
        <td className="num" data-seed-count={ids.length} title={`seeds: ${g.members.map((m) => m.seed ?? '–').join(', ')}`}>n = {ids.length}</td>
        {ctx.extraColumns.map((k) => <td key={k} className="num" data-hyper={k}>{formatValue(first.hyperparameters[k])}</td>)}
        {METRIC_COLUMNS.map((m) => {
          const st = g.stats[m.key];
          const col = cellColour(m.key, st?.mean ?? null, ctx.domains);
          return (
            <td key={m.key} className="num metric group-metric" data-metric={m.key} style={{ background: col.background, color: col.color }} title={st ? `mean ± sample sd over ${st.n} record(s)` : undefined}>
              {st === null ? '–' : `${st.mean.toFixed(m.digits)} ± ${st.sd.toFixed(m.digits)}`}
            </td>
          );
        })}
        <td>
          <input type="radio" name="model-a" aria-label={`Model A: group ${g.id}`} checked={isA} disabled={ids.some((id) => takenB.includes(id))} onChange={() => useAppStore.getState().pickGroupA(ids)} style={{ accentColor: c.A }} />
        </td>
        <td>
          <input type="radio" name="model-b" aria-label={`Model B: group ${g.id}`} checked={isB} disabled={ids.some((id) => takenA.includes(id))} onChange={() => useAppStore.getState().pickGroupB(ids)} style={{ accentColor: c.B }} />
        </td>
        <td />
      </tr>
      {g.members.map((m) => <RecordRow key={m.id} row={m} group={g.id} hidden={!expanded} ctx={ctx} />)}
    </>
  );
}
