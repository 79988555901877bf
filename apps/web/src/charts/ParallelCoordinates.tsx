import { useMemo, useRef } from 'react';
import { scaleLinear, scaleLog } from 'd3-scale';
import type { ResultHeadline } from '../api/types.js';
import { type PcAxis, pcValue } from '../derive/parallel.js';

export interface ParallelProps {
  rows: readonly ResultHeadline[];
  axes: readonly PcAxis[];
  /** Rows the table shows (method filter and brushes); the others are dimmed. */
  visible: ReadonlySet<string>;
  brushes: Record<string, [number, number]>;
  onBrush(key: string, range: [number, number] | null): void;
  onPick(id: string, which: 'A' | 'B'): void;
  colours: readonly string[];
  width: number;
  height: number;
}

const TOP = 28;
const BOTTOM = 24;

/** Brushing on an axis: drag to set a range (live), a click without a drag clears it. */
function useAxisBrush(onBrush: ParallelProps['onBrush']) {
  const drag = useRef<{ key: string; y0: number; invert: (y: number) => number; moved: boolean } | null>(null);
  return {
    start(e: React.PointerEvent<SVGRectElement>, key: string, invert: (y: number) => number) {
      (e.target as Element).setPointerCapture(e.pointerId);
      const y0 = e.clientY - (e.currentTarget.ownerSVGElement as SVGSVGElement).getBoundingClientRect().top;
      drag.current = { key, y0, invert, moved: false };
    },
    move(e: React.PointerEvent<SVGRectElement>) {
      const d = drag.current;
      if (!d) return;
      const y = e.clientY - (e.currentTarget.ownerSVGElement as SVGSVGElement).getBoundingClientRect().top;
      if (Math.abs(y - d.y0) < 3 && !d.moved) return;
      d.moved = true;
      const a = d.invert(d.y0), b = d.invert(y);
      onBrush(d.key, [Math.min(a, b), Math.max(a, b)]);
    },
    end() {
      const d = drag.current;
      drag.current = null;
      if (d && !d.moved) onBrush(d.key, null);
    },
  };
}

/**
 * Parallel coordinates over all runs of the class (ui.md §6 item 4): one polyline per record,
 * colour = method, references dashed, rows hidden by the table's filters dimmed. Brushing an axis
 * filters the table; click a line to pin it as B, shift-click as A.
 */
export function ParallelCoordinates({ rows, axes, visible, brushes, onBrush, onPick, colours, width, height }: ParallelProps) {
  const brush = useAxisBrush(onBrush);
  const scales = useMemo(
    () =>
      axes.map((a) => {
        const range = [height - BOTTOM, TOP];
        return a.kind === 'log' ? scaleLog().domain(a.domain).range(range).nice().clamp(true) : scaleLinear().domain(a.domain).range(range).clamp(true);
      }),
    [axes, height],
  );
  const methods = useMemo(() => [...new Set(rows.map((r) => r.method.label))], [rows]);
  if (width < 200 || axes.length < 2) return null;
  const x = (i: number) => 100 + (i * (width - 140)) / (axes.length - 1);
  const line = (r: ResultHeadline) => {
    let d = '';
    let pen = false;
    axes.forEach((a, i) => {
      const v = pcValue(r, a);
      if (v === null || v < 0) return void (pen = false);
      d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${scales[i](v).toFixed(1)}`;
      pen = true;
    });
    return d;
  };
  return (
    <svg className="chart parallel" width={width} height={height} role="img" aria-label={`Parallel coordinates of ${rows.length} runs`} data-lines={rows.length}>
      <g className="lines" fill="none">
        {rows.map((r) => {
          const on = visible.has(r.id);
          return (
            <path
              key={r.id}
              data-id={r.id}
              data-visible={on}
              d={line(r)}
              stroke={colours[methods.indexOf(r.method.label) % colours.length]}
              strokeWidth={on ? 2 : 1}
              strokeDasharray={r.role === 'unlearned' ? undefined : '6 3'}
              opacity={on ? 0.85 : 0.12}
              style={{ cursor: 'pointer' }}
              onClick={(e) => onPick(r.id, e.shiftKey ? 'A' : 'B')}
            >
              <title>{`${r.id} · ${r.method.label}`}</title>
            </path>
          );
        })}
      </g>
      {axes.map((a, i) => {
        const s = scales[i];
        const ticks = a.kind === 'category' ? a.categories!.map((_, k) => k) : a.kind === 'log' ? s.ticks().filter((t) => Math.abs(Math.log10(t) - Math.round(Math.log10(t))) < 1e-9) : s.ticks(4);
        const b = brushes[a.key];
        const [r0, r1] = s.range();
        return (
          <g key={a.key} className="axis" data-axis={a.key} data-scale={a.kind} data-domain={s.domain().join(',')} data-range={`${r0},${r1}`} transform={`translate(${x(i)},0)`}>
            <line y1={TOP} y2={height - BOTTOM} stroke="#777" />
            <text y={TOP - 10} textAnchor="middle" className="tick" fontWeight={600}>{a.label}</text>
            {ticks.map((t) => (
              <text key={t} x={-5} y={s(t) + 4} textAnchor="end" className="tick" stroke="#fff" strokeWidth={3} paintOrder="stroke">
                {a.kind === 'category' ? a.categories![t] : a.kind === 'log' ? Number(t).toExponential(0) : Number.isInteger(t) ? String(t) : +Number(t).toPrecision(3)}
              </text>
            ))}
            {b && <rect className="brush" x={-7} width={14} y={Math.min(s(b[0]), s(b[1]))} height={Math.abs(s(b[0]) - s(b[1]))} fill="#585858" fillOpacity={0.25} stroke="#585858" pointerEvents="none" />}
            <rect
              className="brush-area"
              aria-label={`Brush ${a.label}`}
              x={-12}
              width={24}
              y={TOP}
              height={height - TOP - BOTTOM}
              fill="transparent"
              style={{ cursor: 'crosshair' }}
              onPointerDown={(e) => brush.start(e, a.key, (y) => s.invert(y))}
              onPointerMove={brush.move}
              onPointerUp={brush.end}
            />
          </g>
        );
      })}
    </svg>
  );
}
