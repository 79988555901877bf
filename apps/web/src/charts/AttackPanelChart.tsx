import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { type Dot } from '../derive/attackDots.js';
import { type AttackMetric, type Direction, GRID, type MergedCurve, attributedToModel, thresholdAt } from '../derive/thresholdStrategies.js';

/**
 * Butterfly dot histogram (Retrained left, model right) beside the attack-score/FPR/FNR curves,
 * sharing the metric axis, with the dashed threshold line (draggable and keyboard-operable under
 * Custom Threshold) (ui.md §4.3–4.4).
 */
export function AttackPanelChart(props: {
  dots: Dot[];
  merged: MergedCurve;
  metric: AttackMetric;
  threshold: number;
  direction: Direction;
  colour: string;
  label: string;
  width: number;
  draggable: boolean;
  onThreshold(t: number): void;
}) {
  const { metric, width } = props;
  const g = GRID[metric];
  const height = 396;
  const histW = Math.max(200, width - 190);
  const y = scaleLinear().domain([g.lo, g.hi]).range([height - 24, 12]);
  const half = (histW - 40) / 2;
  const dotR = 3.3;
  const perSide = Math.floor(half / (dotR * 2));
  const cx = 40 + half;
  const x2 = scaleLinear().domain([0, 1.05]).range([histW + 10, width - 10]);
  const ty = y(props.threshold);
  const indices = props.merged.score.map((_, i) => i);
  const curve = (vals: number[]) => line<number>().x((i) => x2(vals[i])).y((i) => y(thresholdAt(metric, i)))(indices) ?? '';
  const snap = (clientY: number, rect: DOMRect) => {
    const v = y.invert(clientY - rect.top);
    const i = Math.round((v - g.lo) / g.step);
    props.onThreshold(thresholdAt(metric, Math.min(g.count - 1, Math.max(0, i))));
  };
  const step = (n: number) => props.onThreshold(Math.min(g.hi, Math.max(g.lo, +(props.threshold + n * g.step).toFixed(4))));
  const ti = Math.round((props.threshold - g.lo) / g.step);
  return (
    <svg
      className="chart"
      width={width}
      height={height}
      role="img"
      aria-label={`Attack on ${props.label}: ${metric} of Retrained vs model samples with threshold ${props.threshold.toFixed(2)}`}
      onPointerMove={(e) => e.buttons === 1 && props.draggable && (e.target as Element).closest('.threshold') && snap(e.clientY, e.currentTarget.getBoundingClientRect())}
    >
      {y.ticks(metric === 'entropy' ? 5 : 6).map((t) => (
        <g key={t}>
          <line x1={40} x2={histW} y1={y(t)} y2={y(t)} stroke="#EFEFEF" />
          <text x={34} y={y(t)} dy="0.32em" textAnchor="end" className="tick">{t}</text>
        </g>
      ))}
      <text transform={`translate(10,${height / 2}) rotate(-90)`} textAnchor="middle" className="axis-label">{metric === 'entropy' ? 'Entropy' : 'Top-1 Confidence'}</text>
      <line x1={cx} x2={cx} y1={12} y2={height - 24} stroke="#777" />
      {props.dots.map((d) => {
        const k = Math.min(d.stack, perSide);
        const x = d.side === 'retrained' ? cx - (k - 0.5) * dotR * 2 : cx + (k - 0.5) * dotR * 2;
        const toModel = attributedToModel(d.value, props.threshold, props.direction, metric);
        const opaque = d.side === 'model' ? toModel : !toModel;
        return <circle key={`${d.side}-${d.i}`} className={`dot ${d.side}`} cx={x} cy={y(d.binValue)} r={dotR} fill={d.side === 'model' ? props.colour : '#6a6a6a'} stroke="#333" strokeWidth={0.8} opacity={opaque ? 1 : 0.3} />;
      })}
      <text x={cx - 6} y={height - 6} textAnchor="end" className="tick">← Retrained Samples</text>
      <text x={cx + 6} y={height - 6} className="tick">{props.label} Samples →</text>
      {/* curves */}
      {[0, 0.25, 0.5, 0.75, 1].map((t) => <text key={t} x={x2(t)} y={height - 6} textAnchor="middle" className="tick">{t}</text>)}
      <path d={curve(props.merged.score)} fill="none" stroke="#E15759" strokeWidth={2} data-curve="score" />
      <path d={curve(props.merged.fpr)} fill="none" stroke="#4E79A7" strokeWidth={1.5} data-curve="fpr" />
      <path d={curve(props.merged.fnr)} fill="none" stroke="#59A14F" strokeWidth={1.5} data-curve="fnr" />
      <g className="info" transform={`translate(${x2(0) + 4},${Math.max(20, ty - 56)})`}>
        <text className="tick" stroke="#fff" strokeWidth={3} paintOrder="stroke">Threshold: {props.threshold.toFixed(2)}</text>
        <text y={13} className="tick" stroke="#fff" strokeWidth={3} paintOrder="stroke" data-testid="attack-score">Attack Score: {(props.merged.score[ti] ?? 0).toFixed(3)}</text>
        <text y={26} className="tick" stroke="#fff" strokeWidth={3} paintOrder="stroke">FPR: {(props.merged.fpr[ti] ?? 0).toFixed(3)}</text>
        <text y={39} className="tick" stroke="#fff" strokeWidth={3} paintOrder="stroke">FNR: {(props.merged.fnr[ti] ?? 0).toFixed(3)}</text>
      </g>
      <g
        className="threshold"
        tabIndex={0}
        role="slider"
        aria-label={`Threshold for ${props.label}`}
        aria-valuemin={g.lo}
        aria-valuemax={g.hi}
        aria-valuenow={props.threshold}
        aria-readonly={!props.draggable}
        style={{ cursor: props.draggable ? 'ns-resize' : 'default' }}
        onKeyDown={(e) => {
          if (!props.draggable) return;
          const n = { ArrowUp: 1, ArrowDown: -1, PageUp: 5, PageDown: -5 }[e.key];
          if (n) { e.preventDefault(); step(n); }
        }}
      >
        <rect x={40} width={width - 50} y={ty - 5} height={10} fill="transparent" />
        <line x1={40} x2={width - 10} y1={ty} y2={ty} stroke="#000" strokeWidth={1.2} strokeDasharray="5,2" />
        <text x={42} y={ty - 4} className="tick">{props.direction === 'aboveUnlearn' ? `↑ Pred as ${props.label}` : '↑ Pred as Retrained'}</text>
        <text x={42} y={ty + 12} className="tick">{props.direction === 'aboveUnlearn' ? '↓ Pred as Retrained' : `↓ Pred as ${props.label}`}</text>
      </g>
    </svg>
  );
}
