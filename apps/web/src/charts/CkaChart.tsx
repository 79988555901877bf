import { scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';
import type { CkaSeries } from '../derive/ckaSeries.js';
import { dodgeLabels } from '../derive/dodgeLabels.js';
import { fittedDomain } from '../derive/fittedDomain.js';

/**
 * Layer-wise CKA: four lines (A/B × retain solid ● / forget dashed ×) over the architecture's
 * layers (ui.md §3.3), on a value axis fitted to the data, with line-end labels that never overlap.
 */
export function CkaChart(props: { layers: string[]; series: CkaSeries[]; colourA: string; colourB: string; architecture: string; width: number }) {
  const { width } = props;
  const height = 320;
  if (width < 200) return null;
  const m = { l: 44, r: 64, t: 12, b: 100 };
  const x = scalePoint<string>().domain(props.layers).range([m.l, width - m.r]).padding(0.3);
  const values = props.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const y = scaleLinear().domain(fittedDomain(values)).range([height - m.b, m.t]);
  const ends = props.series.map((s) => s.values[s.values.length - 1] ?? null);
  // 14 px: the height of an 11 px label box.
  const endY = dodgeLabels(ends.map((v) => y(v ?? 0)), 14, m.t, height - m.b);
  const path = line<number | null>().defined((v) => v !== null).x((_, i) => x(props.layers[i]) ?? 0).y((v) => y(v ?? 0));
  return (
    <svg className="chart" width={width} height={height} role="img" aria-label="Layer-wise similarity (CKA) of Model A and Model B">
      {y.ticks(5).map((t) => (
        <g key={t}>
          <line x1={m.l} x2={width - m.r} y1={y(t)} y2={y(t)} stroke="#EFEFEF" />
          <text x={m.l - 6} y={y(t)} dy="0.32em" textAnchor="end" className="tick">{t.toFixed(2)}</text>
        </g>
      ))}
      {props.layers.map((l) => (
        <text key={l} transform={`translate(${x(l)},${height - m.b + 10}) rotate(-45)`} textAnchor="end" className="tick">{l}</text>
      ))}
      <text x={12} y={(height - m.b) / 2} transform={`rotate(-90,12,${(height - m.b) / 2})`} textAnchor="middle" className="axis-label">CKA Value</text>
      <text x={(m.l + width) / 2} y={height - 26} textAnchor="middle" className="axis-label">{props.architecture} layers</text>
      {props.series.map((s, k) => {
        const colour = s.model === 'A' ? props.colourA : props.colourB;
        const last = s.values.length - 1;
        return (
          <g key={s.key} data-series={s.key}>
            <path d={path(s.values) ?? ''} fill="none" stroke={colour} strokeWidth={2} strokeDasharray={s.part === 'forget' ? '3 3' : undefined} />
            {s.values.map((v, i) =>
              v === null ? null : s.part === 'retain' ? (
                <circle key={i} cx={x(props.layers[i])} cy={y(v)} r={3.5} fill={colour}><title>{`Model ${s.model} ${s.part} · ${props.layers[i]}: ${v.toFixed(3)}`}</title></circle>
              ) : (
                <path key={i} d={`M${x(props.layers[i])! - 4},${y(v) - 4}l8,8m0,-8l-8,8`} stroke={colour} strokeWidth={1.5}><title>{`Model ${s.model} ${s.part} · ${props.layers[i]}: ${v.toFixed(3)}`}</title></path>
              ),
            )}
            {ends[k] !== null && <text x={(x(props.layers[last]) ?? 0) + 8} y={endY[k]} dy="0.32em" className="tick end-label" fill={colour} style={{ fill: colour }}>{s.model} {s.part}</text>}
          </g>
        );
      })}
      {/* The legend sits under the plot, where no line can run behind it. */}
      <g className="legend" transform={`translate(${m.l},${height - 8})`}>
        {(['A-retain', 'B-retain', 'A-forget', 'B-forget'] as const).map((k, i) => (
          <g key={k} transform={`translate(${i * 120},0)`}>
            <line x2={18} stroke={k[0] === 'A' ? props.colourA : props.colourB} strokeWidth={2} strokeDasharray={k.endsWith('forget') ? '3 3' : undefined} />
            <text x={24} dy="0.32em" className="tick">Model {k[0]} {k.endsWith('forget') ? 'Forget' : 'Retain'}</text>
          </g>
        ))}
      </g>
    </svg>
  );
}
