import { useId } from 'react';
import { matrixGrey, matrixTurbo } from './matrixScales.js';

const STOPS = [0, 0.25, 0.5, 0.75, 1];

/** A 0 → 1 gradient bar of a colour scale, "Low" to "High". */
function ScaleBar({ x, y, colour, title }: { x: number; y: number; colour(t: number): string; title: string }) {
  const id = useId();
  return (
    <g transform={`translate(${x},${y})`}>
      <defs>
        <linearGradient id={id}>{STOPS.map((t) => <stop key={t} offset={t} stopColor={colour(t)} />)}</linearGradient>
      </defs>
      <text y={-4} className="tick">{title}</text>
      <rect width={120} height={12} fill={`url(#${id})`} stroke="#E5E7EB" />
      <text y={24} className="tick">0 Low</text>
      <text x={120} y={24} textAnchor="end" className="tick">High 1</text>
    </g>
  );
}

/**
 * The prediction matrices' legend (ui.md §3.2): in split mode a split-square glyph naming its two
 * triangles and the grey scale; in bubble mode the proportion sizes and the Turbo confidence scale.
 */
export function MatrixLegend({ mode }: { mode: 'split' | 'bubble' }) {
  return (
    <svg className="chart legend matrix-legend" width={420} height={52} role="img" aria-label="Legend of the prediction matrices">
      {mode === 'split' ? (
        <>
          <g transform="translate(4,8)">
            <path d="M0,0L0,32L32,32Z" fill={matrixGrey(0.7)} />
            <path d="M0,0L32,0L32,32Z" fill={matrixGrey(0.3)} />
            <text x={38} y={28} className="tick">◣ Row <tspan fontWeight={600}>Proportion</tspan></text>
            <text x={38} y={10} className="tick">◥ Row <tspan fontWeight={600}>Confidence</tspan></text>
          </g>
          <ScaleBar x={180} y={16} colour={matrixGrey} title="Proportion and confidence" />
        </>
      ) : (
        <>
          <g transform="translate(4,8)">
            {[2, 5, 9].map((r, i) => <circle key={r} cx={10 + i * 24} cy={18} r={r} fill="#999" opacity={0.7} />)}
            <text x={0} y={42} className="tick">Small → Large Proportion</text>
          </g>
          <ScaleBar x={180} y={16} colour={matrixTurbo} title="Confidence" />
        </>
      )}
    </svg>
  );
}
