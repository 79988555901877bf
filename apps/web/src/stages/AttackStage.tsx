import { AttackPanelChart } from '../charts/AttackPanelChart.js';
import { ChartFrame } from '../charts/ChartFrame.js';
import { useColours } from '../components/colours.js';
import { EmptyState } from '../components/EmptyState.js';
import { ModelName } from '../components/ModelName.js';
import { attackDots } from '../derive/attackDots.js';
import { attackGrids, subsetImages } from '../derive/attackGrids.js';
import { AttackGrid } from '../components/AttackGrid.js';
import { type AttackMetric, attributedToModel, GRID, gridIndex, type Strategy } from '../derive/thresholdStrategies.js';
import { useAppStore } from '../stores/store.js';
import { useAB } from './useAB.js';
import { useAttackPanels } from './useAttackPanels.js';

const STRATEGIES: { value: Strategy; label: string; help: string }[] = [
  { value: 'custom', label: 'Custom Threshold', help: 'Manually set the threshold by dragging a slider for custom control.' },
  { value: 'maxScore', label: 'Max Attack Score', help: 'Maximizes the attack score based on false positive and false negative rates.' },
  { value: 'maxSuccess', label: 'Max Success Rate', help: "Maximizes the probability of correctly identifying the model's type as retrained or unlearned." },
  { value: 'common', label: 'Common Threshold', help: 'Sets a single threshold that maximizes the sum of attack scores across two different models.' },
];

/** Attack: per model vs Retrained — dot histograms, threshold, curves, strategies, worst case (ui.md §4). */
export function AttackStage() {
  const { a, b, aId, bId } = useAB();
  const panels = useAttackPanels();
  const s = useAppStore();
  const c = useColours();
  const metric = s.metric;
  if (!aId || !bId) return <EmptyState message="Select both model A and model B." action={{ label: 'Go to Screen', onClick: () => s.setStage('screen') }} />;
  if (!a || !b || !panels) return <div className="skeleton" style={{ height: 300 }}>Loading…</div>;
  const tA = panels.A.threshold;
  const tB = panels.B.threshold;
  const panel = (which: 'A' | 'B') => {
    const { record: rec, retrainedRecord: ret, merged, threshold: t } = panels[which];
    const colour = which === 'A' ? c.A : c.B;
    const label = `Model ${which}`;
    if (rec.role === 'retrained') return <EmptyState message="This is the Retrained model — nothing to attack" />;
    if (!rec.attack || !merged) return <EmptyState message="No Retrained model for this class — the attack view and CKA vs Retrained need one." action={{ label: 'Go to Build', onClick: () => s.setStage('build') }} />;
    const mv = rec.attack.subset[metric];
    const rv = ret?.attack?.subset[metric] ?? null;
    if (!rv) return <div className="skeleton" style={{ height: 200 }}>Loading the Retrained record…</div>;
    const i = gridIndex(metric, t);
    const dir = merged.direction[i];
    const dots = attackDots(mv, rv, metric).dots;
    const success = mv.filter((v) => attributedToModel(v, t, dir, metric)).length + rv.filter((v) => !attributedToModel(v, t, dir, metric)).length;
    const total = mv.length + rv.length;
    return (
      <ChartFrame title={`Retrained Model (${ret?.id}) vs. ${label}`} name={`attack-${which}`}>
        {(w) => (
          <div data-panel={which}>
            <ModelName which={which} role={rec.role} id={rec.id} />
            <AttackPanelChart dots={dots} merged={merged} metric={metric} threshold={t} direction={dir} colour={colour} label={label} width={w} draggable={s.strategy === 'custom'} onThreshold={(v) => s.setCustomThreshold(v)} />
            <p data-testid={`privacy-${which}`}>Privacy Score = <b>{(1 - merged.score[i]).toFixed(3)}</b> <span className="tick">(200 images at this threshold; the table's PS uses all forget images at the worst case)</span></p>
            <p>
              <span style={{ color: s.strategy === 'maxSuccess' ? '#b91c1c' : undefined }}>Success {(100 * success / total).toFixed(2)}%</span> · Failure {(100 * (total - success) / total).toFixed(2)}%
            </p>
            {(() => {
              const grids = attackGrids(mv, rv, t, dir, metric, { model: subsetImages(rec), retrained: ret ? subsetImages(ret) : null });
              const common = { total, dataset: rec.config.dataset.id, which, colour, lightColour: which === 'A' ? c.ALight : c.BLight };
              return (
                <>
                  <AttackGrid kind="success" thumbs={grids.success} highlightTitle={s.strategy === 'maxSuccess'} {...common} />
                  <AttackGrid kind="failure" thumbs={grids.failure} highlightTitle={false} {...common} />
                </>
              );
            })()}
          </div>
        )}
      </ChartFrame>
    );
  };
  return (
    <div>
      <div className="attack-controls">
        {([['A', a], ['B', b]] as const).map(([which, rec]) => (
          <button
            key={which}
            className="worst"
            style={{ background: which === 'A' ? c.AStroke : c.BStroke }}
            title="Automatically picks Metric, Threshold, Direction and Strategy yielding the lowest privacy score."
            disabled={!rec.attack?.subset.worstCase}
            onClick={() => {
              const wc = rec.attack!.subset.worstCase!;
              s.applyWorstCase(which, wc.metric, wc.threshold);
            }}
          >
            Model {which} / Worst Case
          </button>
        ))}
        <fieldset role="radiogroup" aria-label="Attack metric">
          {(['entropy', 'confidence'] as AttackMetric[]).map((m) => (
            <label key={m}><input type="radio" name="metric" checked={metric === m} onChange={() => s.setMetric(m)} /> {m === 'entropy' ? 'Output Entropy' : 'Top-1 Confidence'}</label>
          ))}
        </fieldset>
        <label>
          Threshold{' '}
          <input
            type="number"
            aria-label="Custom threshold"
            step={GRID[metric].step}
            min={GRID[metric].lo}
            max={GRID[metric].hi}
            value={s.customThreshold[metric]}
            onChange={(e) => Number.isFinite(e.target.valueAsNumber) && s.setCustomThreshold(e.target.valueAsNumber)}
          />
        </label>
        <div>
          <div>Choose how thresholds are determined:</div>
          <span className="segmented" role="radiogroup" aria-label="Threshold strategy">
            {STRATEGIES.map((st) => (
              <button key={st.value} role="radio" aria-checked={s.strategy === st.value} className={s.strategy === st.value ? 'active' : ''} title={st.help} onClick={() => s.setStrategy(st.value)}>
                {st.label}
              </button>
            ))}
          </span>
          <div className="tick">{STRATEGIES.find((x) => x.value === s.strategy)?.help} (A: {tA.toFixed(2)}, B: {tB.toFixed(2)})</div>
        </div>
      </div>
      <div className="twin">
        {panel('A')}
        {panel('B')}
      </div>
    </div>
  );
}
