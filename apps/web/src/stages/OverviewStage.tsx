import { useMemo } from 'react';
import type { ResultRecord } from '../api/types.js';
import { ChartFrame } from '../charts/ChartFrame.js';
import { ClassAccuracyChart } from '../charts/ClassAccuracyChart.js';
import { useColours } from '../components/colours.js';
import { MissingComparison } from '../components/MissingComparison.js';
import { ModelName } from '../components/ModelName.js';
import { OverviewEmbeddings } from '../components/OverviewEmbeddings.js';
import { METRIC_COLUMNS } from '../components/tableColumns.js';
import { classGaps } from '../derive/classGaps.js';
import { privacyScoreNote } from '../derive/privacyScoreNote.js';
import type { Stage } from '../stores/contextSlice.js';
import { useAppStore } from '../stores/store.js';
import { useClassNames } from '../stores/useClassNames.js';
import { useAB } from './useAB.js';
import './overview.css';

const STAGE_LABEL = { screen: 'Screen', contrast: 'Contrast', attack: 'Attack' } as const;

/** A link from an overview panel to the stage that shows it in depth. */
function Depth({ stage }: { stage: Exclude<Stage, 'build' | 'overview'> }) {
  const setStage = useAppStore((s) => s.setStage);
  return <button className="link depth" onClick={() => setStage(stage)}>Open in {STAGE_LABEL[stage]} →</button>;
}

/**
 * Overview (issue 11, item 8): Model A vs Model B on one screen of 1440 × 900 — headline metrics,
 * the attack summary with the privacy score, class-wise accuracy and both embeddings — each
 * panel linking to its stage; the charts are the stages' own components.
 */
export function OverviewStage() {
  const { a, b, aId, bId, error } = useAB();
  const classNames = useClassNames();
  const c = useColours();
  const loadFull = useAppStore((s) => s.loadFull);
  const fc = a?.config.forgetClass ?? 0;
  const gaps = useMemo(() => (a && b ? classGaps(a, b, fc) : null), [a, b, fc]);
  if (!aId || !bId) return <MissingComparison />;
  if (error) return <div className="inline-error" role="alert">{error} <button onClick={() => { void loadFull(aId); void loadFull(bId); }}>Retry</button></div>;
  if (!a || !b || !gaps) return <div className="skeleton" style={{ height: 300 }}>Loading…</div>;
  const sides = [['A', a], ['B', b]] as const;
  return (
    <div className="overview-grid" data-testid="overview" data-a={a.id} data-b={b.id}>
      <ChartFrame title="Headline metrics" name="overview-metrics" controls={<Depth stage="screen" />}>
        {() => (
          <table className="overview-metrics">
            <thead><tr><th>Model</th>{METRIC_COLUMNS.map((m) => <th key={m.key} title={m.title}>{m.label}</th>)}</tr></thead>
            <tbody>
              {sides.map(([which, r]) => (
                <tr key={which} data-side={which}>
                  <td><ModelName which={which} role={r.role} id={r.id} />{r.role === 'unlearned' ? ` · ${r.config.method.label}` : ''}</td>
                  {METRIC_COLUMNS.map((m) => <td key={m.key} className="num" data-metric={m.key}>{r.metrics[m.key] === null ? '–' : r.metrics[m.key]!.toFixed(m.digits)}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ChartFrame>
      <ChartFrame title="Attack summary" name="overview-attack" controls={<Depth stage="attack" />}>
        {() => <ul className="overview-attack">{sides.map(([which, r]) => <AttackLine key={which} which={which} r={r} />)}</ul>}
      </ChartFrame>
      <ChartFrame title="Class-wise accuracy (train)" name="overview-accuracy" controls={<Depth stage="contrast" />}>
        {(w) => (
          <div>
            <ClassAccuracyChart title="Training Dataset" gaps={gaps.train} m={gaps.m} meanRetain={gaps.meanRetain.train} classNames={classNames} forgetClass={fc} colours={c.classes} width={w} showLabels />
            <p className="caption">← <ModelName which="A" /> High | <ModelName which="B" /> High →</p>
          </div>
        )}
      </ChartFrame>
      <ChartFrame title="Embeddings" name="overview-embeddings" controls={<Depth stage="contrast" />}>
        {(w) => <OverviewEmbeddings a={a} b={b} classNames={classNames} width={w} />}
      </ChartFrame>
    </div>
  );
}

/** One model's line of the attack summary: its privacy score (or why there is none) and its worst-case attack. */
function AttackLine({ which, r }: { which: 'A' | 'B'; r: ResultRecord }) {
  const wc = r.attack?.subset.worstCase ?? null;
  const ps = r.metrics.PS;
  return (
    <li data-testid={`overview-ps-${which}`}>
      <ModelName which={which} role={r.role} id={r.id} />: Privacy Score <b>{ps === null ? '–' : ps.toFixed(3)}</b>
      {ps === null && <span className="tick"> ({privacyScoreNote(r)})</span>}
      {wc && <div className="tick">worst case: {wc.metric === 'entropy' ? 'output entropy' : 'top-1 confidence'} at threshold {wc.threshold.toFixed(2)}, attack score {wc.score.toFixed(3)}</div>}
    </li>
  );
}
