import { scaleLinear } from 'd3-scale';
import { line, symbol, symbolCircle, symbolSquare, symbolStar, symbolTimes, symbolTriangle } from 'd3-shape';
import type { ResultRecord } from '../api/types.js';
import { type HistoryMarker, historySeries } from '../derive/historySeries.js';

const MARKERS: Record<HistoryMarker, string> = {
  times: symbol(symbolTimes, 30)() ?? '',
  circle: symbol(symbolCircle, 28)() ?? '',
  star: symbol(symbolStar, 45)() ?? '',
  square: symbol(symbolSquare, 24)() ?? '',
  triangle: symbol(symbolTriangle, 28)() ?? '',
};
/** × is drawn with a stroke only; the other markers are filled. */
const stroked = (m: HistoryMarker) => m === 'times';
const LEGEND_ROW = 15;
const LEGEND_WIDTH = 170;

/**
 * Training history of one record (ui.md §2.3): loss (normalised) and forget accuracy per epoch
 * from `history`, and UA, RA, TUA, TRA and PS per epoch when `epochMetrics` exists; x = epoch
 * (≤ 20 sampled points per series), y = [0, 1], legend inset at the lower right.
 */
export function HistoryChart({ record, width, height }: { record: ResultRecord; width: number; height: number }) {
  const series = historySeries(record);
  if (series.length === 0) return <p className="empty-inline">No per-epoch history in this record.</p>;
  const m = { l: 34, r: 10, t: 10, b: 30 };
  const epochs = series.flatMap((s) => s.points.map((p) => p.epoch));
  const [e0, e1] = [Math.min(...epochs), Math.max(...epochs)];
  const x = scaleLinear().domain([e0, e1 > e0 ? e1 : e0 + 1]).range([m.l, width - m.r]);
  const y = scaleLinear().domain([0, 1]).range([height - m.b, m.t]);
  const path = line<{ epoch: number; value: number }>().x((p) => x(p.epoch)).y((p) => y(p.value));
  const legendTop = height - m.b - 6 - series.length * LEGEND_ROW;
  const legendLeft = width - m.r - LEGEND_WIDTH;
  return (
    <svg className="chart history" width={width} height={height} role="img" aria-label={`Training history of ${record.id}: ${series.map((s) => s.label).join(', ')} per epoch, epochs ${e0} to ${e1}`}>
      {y.ticks(5).map((t) => (
        <g key={t}>
          <line x1={m.l} x2={width - m.r} y1={y(t)} y2={y(t)} stroke="#EFEFEF" />
          <text x={m.l - 4} y={y(t)} dy="0.32em" textAnchor="end" className="tick">{t}</text>
        </g>
      ))}
      {x.ticks(Math.min(10, Math.max(1, e1 - e0))).filter(Number.isInteger).map((t) => (
        <text key={t} x={x(t)} y={height - m.b + 14} textAnchor="middle" className="tick">{t}</text>
      ))}
      <text x={(m.l + width - m.r) / 2} y={height - 2} textAnchor="middle" className="axis-label">Epoch</text>
      {series.map((s) => (
        <g key={s.key} className="series" data-series={s.key} data-points={s.points.length}>
          <path d={path(s.points) ?? ''} fill="none" stroke={s.colour} strokeWidth={1.5} strokeDasharray={s.dash ?? undefined} />
          {s.points.map((p) => (
            <path key={p.epoch} className="marker" d={MARKERS[s.marker]} transform={`translate(${x(p.epoch)},${y(p.value)})`} fill={stroked(s.marker) ? 'none' : s.colour} stroke={s.colour} strokeWidth={stroked(s.marker) ? 1.5 : 0}>
              <title>{`${s.label}, epoch ${p.epoch}: ${+p.value.toFixed(3)}`}</title>
            </path>
          ))}
        </g>
      ))}
      <g className="legend" transform={`translate(${legendLeft},${legendTop})`}>
        <rect x={-4} y={-4} width={LEGEND_WIDTH} height={series.length * LEGEND_ROW + 4} fill="#fff" fillOpacity={0.9} stroke="#E5E7EB" />
        {series.map((s, i) => (
          <g key={s.key} className="legend-item" data-series={s.key} transform={`translate(0,${i * LEGEND_ROW})`}>
            <line x1={0} x2={24} y1={6} y2={6} stroke={s.colour} strokeWidth={1.5} strokeDasharray={s.dash ?? undefined} />
            <path d={MARKERS[s.marker]} transform="translate(12,6)" fill={stroked(s.marker) ? 'none' : s.colour} stroke={s.colour} strokeWidth={stroked(s.marker) ? 1.5 : 0} />
            <text x={30} y={6} dy="0.32em" className="tick">{s.label}</text>
          </g>
        ))}
      </g>
    </svg>
  );
}
