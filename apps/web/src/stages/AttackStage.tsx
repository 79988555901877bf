import { useShallow } from 'zustand/react/shallow';
import { useColours } from '../components/colours.js';
import { InstanceSetBuilder } from '../components/InstanceSetBuilder.js';
import { MissingComparison } from '../components/MissingComparison.js';
import type { AttackMetric, Strategy } from '../derive/thresholdStrategies.js';
import { useAppStore } from '../stores/store.js';
import { AttackPanelView } from './AttackPanelView.js';
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
  const s = useAppStore(
    useShallow((st) => ({
      metric: st.metric,
      strategy: st.strategy,
      setMetric: st.setMetric,
      setStrategy: st.setStrategy,
      applyWorstCase: st.applyWorstCase,
    })),
  );
  const c = useColours();
  const metric = s.metric;
  if (!aId || !bId) return <MissingComparison />;
  if (!a || !b || !panels) return <div className="skeleton" style={{ height: 300 }}>Loading…</div>;
  const tA = panels.A.threshold;
  const tB = panels.B.threshold;
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
        <div>
          <div>Choose how thresholds are determined:</div>
          <span className="segmented" role="radiogroup" aria-label="Threshold strategy">
            {STRATEGIES.map((st) => (
              <button key={st.value} role="radio" aria-checked={s.strategy === st.value} tabIndex={s.strategy === st.value ? 0 : -1} className={s.strategy === st.value ? 'active' : ''} title={st.help} onClick={() => s.setStrategy(st.value)}>
                {st.label}
              </button>
            ))}
          </span>
          <div className="tick">{STRATEGIES.find((x) => x.value === s.strategy)?.help} (A: {tA.toFixed(2)}, B: {tB.toFixed(2)})</div>
        </div>
      </div>
      <InstanceSetBuilder />
      <div className="twin">
        <AttackPanelView which="A" panel={panels.A} />
        <AttackPanelView which="B" panel={panels.B} />
      </div>
    </div>
  );
}
