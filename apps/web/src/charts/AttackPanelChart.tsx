import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { memo, type PointerEvent, useMemo } from 'react';
import { type Dot } from '../derive/attackDots.js';
import type { AttackSide } from '../derive/attackGrids.js';
import type { SubsetSample } from '../derive/attackSubset.js';
import type { SampleRef } from '../derive/linkedHoverCss.js';
import { type AttackMetric, type Direction, GRID, type MergedCurve, attributedToModel, thresholdAt } from '../derive/thresholdStrategies.js';
import './AttackPanelChart.css';

const HEIGHT = 396;
/** The legend rows under the plot: the dot shades (left) and the curves with their values (right). */
const LEGEND_H = 62;
const DOT_R = 3.3;
const CURVES = [
  { key: 'score', label: 'Attack Score', colour: '#E15759', dot: '#e41a1c' },
  { key: 'fpr', label: 'FPR', colour: '#4E79A7', dot: '#377eb8' },
  { key: 'fnr', label: 'FNR', colour: '#59A14F', dot: '#4daf4a' },
] as const;

/** The metric axis shared by the histogram and the curves. */
const metricAxis = (metric: AttackMetric) => scaleLinear().domain([GRID[metric].lo, GRID[metric].hi]).range([HEIGHT - 24, 12]);

interface PlacedDot extends Dot {
  x: number;
  y: number;
}

/** The sample under a pointer event on the dot layer (null off the dots). */
function sampleAt(e: { target: EventTarget }): SampleRef | null {
  const el = (e.target as Element).closest('circle.dot');
  return el ? { side: el.getAttribute('data-side') as AttackSide, i: Number(el.getAttribute('data-i')) } : null;
}

interface DotLayerProps {
  dots: PlacedDot[];
  threshold: number;
  direction: Direction;
  metric: AttackMetric;
  colour: string;
  samples: Record<AttackSide, readonly SubsetSample[] | null>;
  inSet: ReadonlySet<number> | null;
  onHover(sample: SampleRef | null): void;
  onOpen(sample: SampleRef, at: { x: number; y: number }): void;
}

/**
 * The dots, memoised apart from the rest of the chart: a hover restyles them through the
 * panel's linked-hover rules and never re-renders them. One listener set serves all dots.
 */
const DotLayer = memo(function DotLayer({ dots, threshold, direction, metric, colour, samples, inSet, onHover, onOpen }: DotLayerProps) {
  return (
    <g
      className="dots"
      onPointerOver={(e) => onHover(sampleAt(e))}
      onPointerLeave={() => onHover(null)}
      onClick={(e) => {
        const sample = sampleAt(e);
        if (sample) onOpen(sample, { x: e.clientX, y: e.clientY });
      }}
    >
      {dots.map((d) => {
        const toModel = attributedToModel(d.value, threshold, direction, metric);
        const opaque = d.side === 'model' ? toModel : !toModel;
        const sample = samples[d.side]?.[d.i];
        return (
          <circle
            key={`${d.side}-${d.i}`}
            className={`dot ${d.side}`}
            data-side={d.side}
            data-i={d.i}
            data-image={sample?.image ?? undefined}
            data-in-set={inSet && sample ? String(inSet.has(sample.key)) : undefined}
            cx={d.x}
            cy={d.y}
            r={DOT_R}
            fill={d.side === 'model' ? colour : '#6a6a6a'}
            stroke="#333"
            strokeWidth={0.8}
            opacity={opaque ? 1 : 0.3}
          />
        );
      })}
    </g>
  );
});

/**
 * Butterfly dot histogram (Retrained left, model right) beside the attack-score/FPR/FNR curves,
 * sharing the metric axis, with the dashed threshold line (draggable and keyboard-operable under
 * Custom Threshold) and the hovered dot's value (ui.md §4.3–4.4).
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
  /** Each side's attack subset in its embedding sample (null when unknown). */
  samples: Record<AttackSide, readonly SubsetSample[] | null>;
  /** Keys of the active instance set (null: none); dots outside it fade. */
  inSet: ReadonlySet<number> | null;
  hovered: SampleRef | null;
  onHover(sample: SampleRef | null): void;
  onOpen(sample: SampleRef, at: { x: number; y: number }): void;
}) {
  const { metric, width } = props;
  const g = GRID[metric];
  const histW = Math.max(200, width - 190);
  const y = useMemo(() => metricAxis(metric), [metric]);
  const half = (histW - 40) / 2;
  const cx = 40 + half;
  const placed = useMemo(() => {
    const perSide = Math.floor(half / (DOT_R * 2));
    return props.dots.map((d): PlacedDot => {
      const k = Math.min(d.stack, perSide);
      return { ...d, x: d.side === 'retrained' ? cx - (k - 0.5) * DOT_R * 2 : cx + (k - 0.5) * DOT_R * 2, y: y(d.binValue) };
    });
  }, [props.dots, half, cx, y]);
  const hovered = props.hovered;
  const hoveredDot = hovered ? placed.find((d) => d.side === hovered.side && d.i === hovered.i) : undefined;
  const x2 = scaleLinear().domain([0, 1.05]).range([histW + 10, width - 10]);
  const ty = y(props.threshold);
  const indices = props.merged.score.map((_, i) => i);
  const curve = (vals: number[]) => line<number>().x((i) => x2(vals[i])).y((i) => y(thresholdAt(metric, i)))(indices) ?? '';
  const snap = (e: PointerEvent<SVGGElement>) => {
    const v = y.invert(e.clientY - e.currentTarget.ownerSVGElement!.getBoundingClientRect().top);
    const i = Math.round((v - g.lo) / g.step);
    props.onThreshold(thresholdAt(metric, Math.min(g.count - 1, Math.max(0, i))));
  };
  const step = (n: number) => props.onThreshold(Math.min(g.hi, Math.max(g.lo, +(props.threshold + n * g.step).toFixed(4))));
  const ti = Math.round((props.threshold - g.lo) / g.step);
  return (
    <svg
      className="chart"
      width={width}
      height={HEIGHT + LEGEND_H}
      role="img"
      aria-label={`Attack on ${props.label}: ${metric} of Retrained vs model samples with threshold ${props.threshold.toFixed(2)}`}
    >
      {y.ticks(metric === 'entropy' ? 5 : 6).map((t) => (
        <g key={t}>
          <line x1={40} x2={histW} y1={y(t)} y2={y(t)} stroke="#EFEFEF" />
          <text x={34} y={y(t)} dy="0.32em" textAnchor="end" className="tick">{t}</text>
        </g>
      ))}
      <text transform={`translate(10,${HEIGHT / 2}) rotate(-90)`} textAnchor="middle" className="axis-label">{metric === 'entropy' ? 'Entropy' : 'Top-1 Confidence'}</text>
      <line x1={cx} x2={cx} y1={12} y2={HEIGHT - 24} stroke="#777" />
      <DotLayer dots={placed} threshold={props.threshold} direction={props.direction} metric={metric} colour={props.colour} samples={props.samples} inSet={props.inSet} onHover={props.onHover} onOpen={props.onOpen} />
      <text x={cx - 6} y={HEIGHT - 6} textAnchor="end" className="tick">← Retrained Samples</text>
      <text x={cx + 6} y={HEIGHT - 6} className="tick">{props.label} Samples →</text>
      {/* curves */}
      {[0, 0.25, 0.5, 0.75, 1].map((t) => <text key={t} x={x2(t)} y={HEIGHT - 6} textAnchor="middle" className="tick">{t}</text>)}
      {CURVES.map((k) => <path key={k.key} d={curve(props.merged[k.key])} fill="none" stroke={k.colour} strokeWidth={k.key === 'score' ? 2 : 1.5} data-curve={k.key} />)}
      {CURVES.map((k) => <circle key={k.key} cx={x2(props.merged[k.key][ti] ?? 0)} cy={ty} r={3.5} fill={k.dot} stroke="#000" strokeWidth={0.8} pointerEvents="none" />)}
      <g className="legend attack-legend" transform={`translate(40,${HEIGHT + 8})`}>
        {([['retrained', false], ['retrained', true], ['model', false], ['model', true]] as const).map(([from, toModel], k) => (
          <g key={k} transform={`translate(${(k % 2) * Math.min(250, (histW - 40) / 2)},${Math.floor(k / 2) * 16})`}>
            <circle cx={4} cy={0} r={DOT_R} fill={from === 'model' ? props.colour : '#6a6a6a'} stroke="#333" strokeWidth={0.8} opacity={(from === 'model') === toModel ? 1 : 0.3} />
            <text x={12} dy="0.32em" className="tick">From {from === 'model' ? props.label : 'Retrained'} · Pred. {toModel ? props.label : 'Retrained'}</text>
          </g>
        ))}
      </g>
      <g className="legend info" transform={`translate(${histW + 10},${HEIGHT + 8})`}>
        <text dy="0.32em" className="tick">Threshold: {props.threshold.toFixed(2)}</text>
        {CURVES.map((k, j) => (
          <g key={k.key} transform={`translate(0,${(j + 1) * 14})`}>
            <line x2={14} stroke={k.colour} strokeWidth={2} />
            <text x={18} dy="0.32em" className="tick" data-testid={k.key === 'score' ? 'attack-score' : undefined}>{k.label}: {(props.merged[k.key][ti] ?? 0).toFixed(3)}</text>
          </g>
        ))}
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
        // Pointer capture keeps the drag on the line however fast the pointer leaves its 10 px band.
        onPointerDown={(e) => {
          if (!props.draggable || e.button !== 0) return;
          e.preventDefault();
          e.currentTarget.setPointerCapture(e.pointerId);
          snap(e);
        }}
        onPointerMove={(e) => e.currentTarget.hasPointerCapture(e.pointerId) && snap(e)}
        onPointerUp={(e) => e.currentTarget.releasePointerCapture(e.pointerId)}
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
      {hoveredDot && (
        <text
          className="dot-label tick"
          x={hoveredDot.side === 'model' ? hoveredDot.x + 7 : hoveredDot.x - 7}
          y={hoveredDot.y}
          dy="0.32em"
          textAnchor={hoveredDot.side === 'model' ? 'start' : 'end'}
          stroke="#fff"
          strokeWidth={3}
          paintOrder="stroke"
          pointerEvents="none"
        >
          {metric === 'entropy' ? 'Entropy' : 'Confidence'}: {hoveredDot.value.toFixed(3)}
        </text>
      )}
    </svg>
  );
}
