import { scaleBand, scaleLinear } from 'd3-scale';
import { labelWidth, matrixGrey, matrixTurbo } from './matrixScales.js';

const MAX_SIZE = 520;

/**
 * Prediction matrix: split squares (proportion lower-left, confidence upper-right) or bubbles
 * (ui.md §3.2), filling its width, with the axis titles "True Class" and "Predicted Class".
 */
export function PredictionMatrix(props: { labelDist: number[][]; confDist: number[][]; classNames: string[]; forgetClass: number; mode: 'split' | 'bubble'; width: number; showRowLabels: boolean; caption: string; captionColour: string }) {
  const n = props.labelDist.length;
  const name = (c: number) => `${props.classNames[c] ?? c}${c === props.forgetClass ? ' (✖)' : ''}`;
  const longest = Math.max(...[...Array(n).keys()].map((c) => labelWidth(name(c))));
  // Column labels hang at −45° from each column's centre: the first one reaches ~0.71 of its length to the left.
  const slant = Math.ceil(longest * Math.SQRT1_2);
  const left = props.showRowLabels ? longest + 26 : Math.max(12, slant - 8);
  const size = Math.min(props.width - left - 12, MAX_SIZE);
  if (size < 80) return null;
  const band = scaleBand<number>().domain([...Array(n).keys()]).range([0, size]);
  const radius = scaleLinear().domain([0, 1]).range([1, 90]);
  const top = 10;
  const s = band.bandwidth();
  const below = slant + 16;
  return (
    <svg className="chart" width={left + size + 12} height={top + size + below + 40} role="img" aria-label={`Prediction matrix, ${props.caption}`}>
      <g transform={`translate(${left},${top})`}>
        {props.labelDist.map((row, i) =>
          row.map((p, j) => {
            const c = props.confDist[i]?.[j] ?? 0;
            const x0 = band(j)!, y0 = band(i)!;
            const tip = `True Class: ${name(i)}\nPredicted Class: ${name(j)}\nProportion: ${p.toFixed(3)}\nAvg. Confidence: ${c.toFixed(3)}`;
            return props.mode === 'split' ? (
              <g key={`${i}-${j}`} className="cell">
                <path d={`M${x0},${y0}L${x0},${y0 + s}L${x0 + s},${y0 + s}Z`} fill={matrixGrey(p)} />
                <path d={`M${x0},${y0}L${x0 + s},${y0}L${x0 + s},${y0 + s}Z`} fill={matrixGrey(c)} />
                <rect x={x0} y={y0} width={s} height={s} fill="transparent" stroke="#fff" strokeWidth={0.5}><title>{tip}</title></rect>
              </g>
            ) : (
              <g key={`${i}-${j}`}>
                {p >= 0.002 && <circle cx={x0 + s / 2} cy={y0 + s / 2} r={Math.min(s / 2, Math.sqrt(radius(p)) * s / 19)} fill={matrixTurbo(c)} opacity={0.7}><title>{tip}</title></circle>}
              </g>
            );
          }),
        )}
        {props.showRowLabels && [...Array(n).keys()].map((i) => <text key={i} x={-6} y={band(i)! + s / 2} dy="0.32em" textAnchor="end" className="tick">{name(i)}</text>)}
        {props.showRowLabels && <text transform={`translate(${-left + 12},${size / 2}) rotate(-90)`} textAnchor="middle" className="axis-label">True Class</text>}
        {[...Array(n).keys()].map((j) => (
          <text key={j} transform={`translate(${band(j)! + s / 2},${size + 8}) rotate(-45)`} textAnchor="end" className="tick">{name(j)}</text>
        ))}
        <text x={size / 2} y={size + below + 8} textAnchor="middle" className="axis-label">Predicted Class</text>
        <text x={size / 2} y={size + below + 28} textAnchor="middle" className="axis-label" fill={props.captionColour} style={{ fill: props.captionColour }}>{props.caption}</text>
      </g>
    </svg>
  );
}
