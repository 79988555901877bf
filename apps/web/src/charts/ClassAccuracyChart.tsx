import { scaleBand, scaleLinear } from 'd3-scale';
import type { ClassGap } from '../derive/classGaps.js';

/** The min–max of a seed group's gaps: a line with end caps across the bar. */
function Whisker({ x0, x1, y, spread }: { x0: number; x1: number; y: number; spread: [number, number] }) {
  return (
    <g className="whisker" data-min={spread[0]} data-max={spread[1]} stroke="#222" strokeWidth={1.2} aria-hidden>
      <line x1={x0} x2={x1} y1={y} y2={y} />
      <line x1={x0} x2={x0} y1={y - 4} y2={y + 4} />
      <line x1={x1} x2={x1} y1={y - 4} y2={y + 4} />
    </g>
  );
}

/** Horizontal bars of acc_B − acc_A per class on a symmetric domain, with 0 and retain-mean lines (ui.md §3.1); min–max whiskers when A or B is a seed group. */
export function ClassAccuracyChart(props: { gaps: ClassGap[]; m: number; meanRetain: number | null; classNames: string[]; forgetClass: number; colours: readonly string[]; width: number; showLabels: boolean; title: string }) {
  const { gaps, m, width } = props;
  const left = props.showLabels ? 96 : 12;
  const height = gaps.length * 19 + 48;
  if (width < 120) return null;
  const x = scaleLinear().domain([-m, m]).range([left, width - 12]);
  const y = scaleBand<number>().domain(gaps.map((g) => g.cls)).range([20, height - 28]).padding(0.3);
  const name = (c: number) => `${props.classNames[c] ?? c}${c === props.forgetClass ? ' (✖)' : ''}`;
  return (
    <svg className="chart" width={width} height={height} role="img" aria-label={`${props.title}: accuracy gap Model B − Model A per class`}>
      <text x={left} y={12} className="axis-label">{props.title}</text>
      {gaps.map((g) => (
        <g key={g.cls} data-class={g.cls}>
          {props.showLabels && <text x={left - 6} y={(y(g.cls) ?? 0) + y.bandwidth() / 2} dy="0.32em" textAnchor="end" className="tick">{name(g.cls)}</text>}
          {g.gap !== null && (
            <rect x={Math.min(x(0), x(g.gap))} y={y(g.cls)} width={Math.abs(x(g.gap) - x(0))} height={y.bandwidth()} fill={props.colours[g.cls % props.colours.length]}>
              <title>{`${name(g.cls)}\nModel A Acc: ${g.a?.toFixed(3)}\nModel B Acc: ${g.b?.toFixed(3)}\nDifference: ${g.gap.toFixed(3)}${g.spread ? `\nRange over seeds: ${g.spread[0].toFixed(3)} … ${g.spread[1].toFixed(3)}` : ''}`}</title>
            </rect>
          )}
          {g.spread && <Whisker x0={x(g.spread[0])} x1={x(g.spread[1])} y={(y(g.cls) ?? 0) + y.bandwidth() / 2} spread={g.spread} />}
        </g>
      ))}
      <line x1={x(0)} x2={x(0)} y1={18} y2={height - 26} stroke="#777" />
      {props.meanRetain !== null && (
        <g>
          <line x1={x(props.meanRetain)} x2={x(props.meanRetain)} y1={18} y2={height - 26} stroke="#777" strokeDasharray="3 3" />
          <text x={x(props.meanRetain) + 3} y={28} className="tick">avg (retain): {props.meanRetain.toFixed(3)}</text>
        </g>
      )}
      {/* End ticks anchor inwards so that the two charts' labels never run together. */}
      {[-m, 0, m].map((t) => <text key={t} x={x(t)} y={height - 12} textAnchor={t < 0 ? 'start' : t > 0 ? 'end' : 'middle'} className="tick">{t.toFixed(3)}</text>)}
    </svg>
  );
}
