import { scaleBand, scaleLinear } from 'd3-scale';

/** Grouped bars of class probabilities: A plain on top, B striped below (ui.md §3.4 image card). */
export function ProbabilityBars({ a, b, classNames, forgetClass, colours, labels }: { a: number[]; b: number[] | null; classNames: string[]; forgetClass: number; colours: readonly string[]; labels: [string, string] }) {
  const width = 260;
  const height = classNames.length * 22 + 30;
  const x = scaleLinear().domain([0, 1]).range([80, width - 10]);
  const y = scaleBand<number>().domain([...classNames.keys()]).range([0, height - 30]).padding(0.1);
  return (
    <svg className="chart" width={width} height={height} role="img" aria-label="Class probabilities of both models">
      <defs>
        <pattern id="stripes" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="4" height="4" fill="transparent" /><line y2="4" stroke="#000" strokeWidth="1.2" /></pattern>
      </defs>
      {[0, 0.2, 0.4, 0.6, 0.8, 1].map((t) => <line key={t} x1={x(t)} x2={x(t)} y1={0} y2={height - 30} stroke="#EFEFEF" />)}
      {classNames.map((n, c) => (
        <g key={c}>
          <text x={76} y={y(c)! + y.bandwidth() / 2} dy="0.32em" textAnchor="end" className="tick">{n}{c === forgetClass ? ' (✖)' : ''}</text>
          <rect x={x(0)} y={y(c)} width={x(a[c] ?? 0) - x(0)} height={y.bandwidth() / 2} fill={colours[c % colours.length]}><title>{`${labels[0]}: ${(a[c] ?? 0).toFixed(3)}`}</title></rect>
          {b && (
            <g>
              <rect x={x(0)} y={y(c)! + y.bandwidth() / 2} width={x(b[c] ?? 0) - x(0)} height={y.bandwidth() / 2} fill={colours[c % colours.length]} opacity={0.8} />
              <rect x={x(0)} y={y(c)! + y.bandwidth() / 2} width={x(b[c] ?? 0) - x(0)} height={y.bandwidth() / 2} fill="url(#stripes)"><title>{`${labels[1]}: ${(b[c] ?? 0).toFixed(3)}`}</title></rect>
            </g>
          )}
        </g>
      ))}
      {[0, 0.5, 1].map((t) => <text key={t} x={x(t)} y={height - 16} textAnchor="middle" className="tick">{t}</text>)}
      <text x={(x(0) + x(1)) / 2} y={height - 2} textAnchor="middle" className="tick">Probability (T = 2) · plain {labels[0]}, striped {labels[1]}</text>
    </svg>
  );
}
