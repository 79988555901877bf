import { scaleBand, scaleLinear, scaleSequential } from 'd3-scale';
import { interpolateGreys, interpolateTurbo } from 'd3-scale-chromatic';

/** Prediction matrix: split squares (proportion lower-left, confidence upper-right) or bubbles (ui.md §3.2). */
export function PredictionMatrix(props: { labelDist: number[][]; confDist: number[][]; classNames: string[]; forgetClass: number; mode: 'split' | 'bubble'; width: number; showRowLabels: boolean; caption: string; captionColour: string }) {
  const n = props.labelDist.length;
  const left = props.showRowLabels ? 90 : 10;
  const size = Math.min(props.width - left - 10, 360);
  if (size < 80) return null;
  const band = scaleBand<number>().domain([...Array(n).keys()]).range([0, size]);
  const grey = scaleSequential((t: number) => interpolateGreys(0.05 + 0.95 * t)).domain([0, 1]);
  const turbo = scaleSequential((t: number) => interpolateTurbo(0.05 + 0.95 * t)).domain([0, 1]);
  const radius = scaleLinear().domain([0, 1]).range([1, 90]);
  const name = (c: number) => `${props.classNames[c] ?? c}${c === props.forgetClass ? ' (✖)' : ''}`;
  const top = 10;
  const s = band.bandwidth();
  return (
    <svg className="chart" width={left + size + 10} height={top + size + 86} role="img" aria-label={`Prediction matrix, ${props.caption}`}>
      <g transform={`translate(${left},${top})`}>
        {props.labelDist.map((row, i) =>
          row.map((p, j) => {
            const c = props.confDist[i]?.[j] ?? 0;
            const x0 = band(j)!, y0 = band(i)!;
            const tip = `True Class: ${name(i)}\nPredicted Class: ${name(j)}\nProportion: ${p.toFixed(3)}\nAvg. Confidence: ${c.toFixed(3)}`;
            return props.mode === 'split' ? (
              <g key={`${i}-${j}`} className="cell">
                <path d={`M${x0},${y0}L${x0},${y0 + s}L${x0 + s},${y0 + s}Z`} fill={grey(p)} />
                <path d={`M${x0},${y0}L${x0 + s},${y0}L${x0 + s},${y0 + s}Z`} fill={grey(c)} />
                <rect x={x0} y={y0} width={s} height={s} fill="transparent" stroke="#fff" strokeWidth={0.5}><title>{tip}</title></rect>
              </g>
            ) : (
              <g key={`${i}-${j}`}>
                {p >= 0.002 && <circle cx={x0 + s / 2} cy={y0 + s / 2} r={Math.min(s / 2, Math.sqrt(radius(p)) * s / 19)} fill={turbo(c)} opacity={0.7}><title>{tip}</title></circle>}
              </g>
            );
          }),
        )}
        {props.showRowLabels && [...Array(n).keys()].map((i) => <text key={i} x={-6} y={band(i)! + s / 2} dy="0.32em" textAnchor="end" className="tick">{name(i)}</text>)}
        {[...Array(n).keys()].map((j) => (
          <text key={j} transform={`translate(${band(j)! + s / 2},${size + 8}) rotate(-45)`} textAnchor="end" className="tick">{name(j)}</text>
        ))}
        <text x={size / 2} y={size + 70} textAnchor="middle" className="axis-label" fill={props.captionColour} style={{ fill: props.captionColour }}>{props.caption}</text>
      </g>
    </svg>
  );
}
