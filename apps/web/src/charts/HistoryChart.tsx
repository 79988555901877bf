import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { ResultRecord } from '../api/types.js';

/** Loss and forget accuracy per epoch from `history` (ui.md §2.3). */
export function HistoryChart({ record, width, height }: { record: ResultRecord; width: number; height: number }) {
  const h = record.history;
  if (h.length === 0) return <p className="empty-inline">No per-epoch history in this record.</p>;
  const m = { l: 36, r: 10, t: 10, b: 28 };
  const x = scaleLinear().domain([1, Math.max(2, h.length)]).range([m.l, width - m.r]);
  const maxLoss = Math.max(1e-9, ...h.map((e) => e.loss ?? 0));
  const y = scaleLinear().domain([0, 1]).range([height - m.b, m.t]);
  const lossLine = line<(typeof h)[number]>().defined((e) => e.loss !== null).x((e) => x(e.epoch)).y((e) => y((e.loss ?? 0) / maxLoss));
  const faLine = line<(typeof h)[number]>().defined((e) => e.forgetAccuracy !== null).x((e) => x(e.epoch)).y((e) => y(e.forgetAccuracy ?? 0));
  return (
    <svg className="chart" width={width} height={height} role="img" aria-label="Training history: loss and forget accuracy per epoch">
      {y.ticks(5).map((t) => (
        <g key={t}>
          <line x1={m.l} x2={width - m.r} y1={y(t)} y2={y(t)} stroke="#EFEFEF" />
          <text x={m.l - 4} y={y(t)} dy="0.32em" textAnchor="end" className="tick">{t}</text>
        </g>
      ))}
      {h.map((e) => <text key={e.epoch} x={x(e.epoch)} y={height - m.b + 14} textAnchor="middle" className="tick">{e.epoch}</text>)}
      <path d={lossLine(h) ?? ''} fill="none" stroke="#D54B04" strokeWidth={2} />
      <path d={faLine(h) ?? ''} fill="none" stroke="#2A6218" strokeWidth={2} strokeDasharray="3 3" />
      <text x={width - m.r} y={m.t + 10} textAnchor="end" className="tick" fill="#D54B04">loss (÷ {maxLoss.toFixed(2)})</text>
      <text x={width - m.r} y={m.t + 24} textAnchor="end" className="tick" fill="#2A6218">forget accuracy</text>
      <text x={(m.l + width) / 2} y={height - 2} textAnchor="middle" className="axis-label">Epoch</text>
    </svg>
  );
}
