import { scaleBand, scaleLinear } from 'd3-scale';
import { useId } from 'react';

export interface ProbabilityBarsProps {
  a: number[];
  b: number[] | null;
  classNames: string[];
  forgetClass: number;
  colours: readonly string[];
  labels: [string, string];
  /** The model the card was opened from (0: a, 1: b): its bars opaque, outlined and labelled, the other's at 0.6. */
  emphasis?: 0 | 1;
}

/** Grouped bars of class probabilities: A plain on top, B striped below (ui.md §3.4 image card). */
export function ProbabilityBars({ a, b, classNames, forgetClass, colours, labels, emphasis }: ProbabilityBarsProps) {
  const stripes = `stripes-${useId().replace(/[^\w-]/g, '')}`;
  const width = 290;
  const bars = classNames.length * 22;
  const height = bars + 46;
  const x = scaleLinear().domain([0, 1]).range([80, width - 36]);
  const y = scaleBand<number>().domain([...classNames.keys()]).range([0, bars]).padding(0.1);
  const half = y.bandwidth() / 2;
  const look = (m: 0 | 1) =>
    emphasis === undefined ? { opacity: 1, stroke: undefined, label: false } : emphasis === m ? { opacity: 1, stroke: '#000', label: true } : { opacity: 0.6, stroke: undefined, label: false };
  const bar = (m: 0 | 1, values: number[], c: number) => {
    const v = values[c] ?? 0;
    const top = y(c)! + m * half;
    const { opacity, stroke, label } = look(m);
    return (
      <g opacity={opacity} data-model={m}>
        {/* No outline on an empty bar: it would draw as a tick at 0. */}
        <rect x={x(0)} y={top} width={x(v) - x(0)} height={half} fill={colours[c % colours.length]} stroke={x(v) - x(0) >= 1 ? stroke : undefined} strokeWidth={stroke ? 1 : 0} />
        {m === 1 && <rect x={x(0)} y={top} width={x(v) - x(0)} height={half} fill={`url(#${stripes})`} />}
        <title>{`${labels[m]}: ${v.toFixed(3)}`}</title>
        {label && <text x={x(v) + 3} y={top + half / 2} dy="0.32em" className="tick">{v.toFixed(2)}</text>}
      </g>
    );
  };
  return (
    <svg className="chart" width={width} height={height} role="img" aria-label="Class probabilities of both models">
      <defs>
        <pattern id={stripes} width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="4" height="4" fill="transparent" /><line y2="4" stroke="#000" strokeWidth="1.2" /></pattern>
      </defs>
      {[0, 0.2, 0.4, 0.6, 0.8, 1].map((t) => <line key={t} x1={x(t)} x2={x(t)} y1={0} y2={bars} stroke="#EFEFEF" />)}
      {classNames.map((n, c) => (
        <g key={c}>
          <text x={76} y={y(c)! + y.bandwidth() / 2} dy="0.32em" textAnchor="end" className="tick">{n}{c === forgetClass ? ' (✖)' : ''}</text>
          {bar(0, a, c)}
          {b && bar(1, b, c)}
        </g>
      ))}
      {[0, 0.5, 1].map((t) => <text key={t} x={x(t)} y={bars + 14} textAnchor="middle" className="tick">{t}</text>)}
      <text x={(x(0) + x(1)) / 2} y={bars + 28} textAnchor="middle" className="tick">Probability (T = 2)</text>
      <g transform={`translate(8,${bars + 36})`} className="tick">
        <rect width={14} height={8} fill="#999" />
        <text x={18} y={4} dy="0.32em">{labels[0]}</text>
        <g transform="translate(140,0)">
          <rect width={14} height={8} fill="#999" />
          <rect width={14} height={8} fill={`url(#${stripes})`} />
          <text x={18} y={4} dy="0.32em">{labels[1]}</text>
        </g>
      </g>
    </svg>
  );
}
