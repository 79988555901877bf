import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { scaleLinear, scaleLog } from 'd3-scale';
import type { ResultHeadline } from '../api/types.js';
import { stepBrush } from '../derive/keyboardBrush.js';
import { type PcAxis, pcValue, roundBrush } from '../derive/parallel.js';
import './ParallelCoordinates.css';

export interface ParallelProps {
  rows: readonly ResultHeadline[];
  /** Axes in display order. */
  axes: readonly PcAxis[];
  flipped: ReadonlySet<string>;
  /** Rows the table shows (method filter and brushes); the others are dimmed. */
  visible: ReadonlySet<string>;
  brushes: Record<string, [number, number]>;
  onBrush(key: string, range: [number, number] | null): void;
  /** Moves an axis to a display position. */
  onMove(key: string, to: number): void;
  onFlip(key: string): void;
  onPick(id: string, which: 'A' | 'B'): void;
  colours: readonly string[];
  /** The rows chosen as Model A and B, drawn on top, thicker, with a halo and an end label in their colours. */
  picked: { A: string | null; B: string | null };
  modelColours: { A: string; B: string };
  width: number;
  height: number;
}

const TOP = 34;
const BOTTOM = 30;
const RIGHT = 40;
/** Pointer travel (px) before a press on an axis title becomes a drag. */
const DRAG_START = 4;
const KEYS_HELP = 'Drag or Alt+Left/Right ([ or ]) to move; F, Enter or double-click to flip; Up/Down to brush, Shift+Up/Down to resize, Escape to clear';

type Scale = ((v: number) => number) & { invert(y: number): number; domain(): number[]; range(): number[]; ticks(n?: number): number[]; tickFormat(n?: number, specifier?: string): (v: number) => string };

const svgY = (e: React.PointerEvent<Element>) => e.clientY - ((e.currentTarget as SVGElement).ownerSVGElement as SVGSVGElement).getBoundingClientRect().top;

/** Brushing on an axis: drag to set a range (live), a click without a drag clears it. */
function useAxisBrush(onBrush: ParallelProps['onBrush']) {
  const drag = useRef<{ key: string; y0: number; invert: (y: number) => number; moved: boolean } | null>(null);
  return {
    start(e: React.PointerEvent<SVGRectElement>, key: string, invert: (y: number) => number) {
      e.currentTarget.setPointerCapture(e.pointerId);
      drag.current = { key, y0: svgY(e), invert, moved: false };
    },
    move(e: React.PointerEvent<SVGRectElement>) {
      const d = drag.current;
      if (!d) return;
      const y = svgY(e);
      if (Math.abs(y - d.y0) < 3 && !d.moved) return;
      d.moved = true;
      onBrush(d.key, roundBrush([d.invert(d.y0), d.invert(y)]));
    },
    end() {
      const d = drag.current;
      drag.current = null;
      if (d && !d.moved) onBrush(d.key, null);
    },
  };
}

/**
 * Moving an axis by dragging its title sideways; while dragging, the axis follows the pointer.
 * The pointer is followed on the window, as reordering re-inserts axes in the DOM (which would
 * end a pointer capture).
 */
function useAxisDrag(slotOf: (x: number) => number, indexOf: (key: string) => number, onMove: ParallelProps['onMove']) {
  const [dragged, setDragged] = useState<{ key: string; x: number } | null>(null);
  const latest = useRef({ slotOf, indexOf, onMove });
  latest.current = { slotOf, indexOf, onMove };
  return {
    dragged,
    start(e: React.PointerEvent<SVGGElement>, key: string) {
      if (e.button !== 0) return;
      const left = (e.currentTarget.ownerSVGElement as SVGSVGElement).getBoundingClientRect().left;
      const x0 = e.clientX - left;
      let moved = false;
      const move = (ev: PointerEvent) => {
        const x = ev.clientX - left;
        if (!moved && Math.abs(x - x0) < DRAG_START) return;
        moved = true;
        setDragged({ key, x });
        const { slotOf: slot, indexOf: index, onMove: moveTo } = latest.current;
        const to = slot(x);
        if (to !== index(key)) moveTo(key, to);
      };
      const end = () => {
        window.removeEventListener('pointermove', move);
        window.removeEventListener('pointerup', end);
        window.removeEventListener('pointercancel', end);
        setDragged(null);
      };
      window.addEventListener('pointermove', move);
      window.addEventListener('pointerup', end);
      window.addEventListener('pointercancel', end);
    },
  };
}

/**
 * Parallel coordinates over all runs of the class (ui.md §6 item 4): one polyline per record,
 * colour = method, references dashed, rows hidden by the table's filters dimmed. Brushing an axis
 * filters the table; click a line to pin it as B, shift-click as A. Axis titles can be dragged
 * sideways (or moved with the keyboard) and flipped; a focused axis brushes with the arrow keys.
 */
export function ParallelCoordinates({ rows, axes, flipped, visible, brushes, onBrush, onMove, onFlip, onPick, colours, picked, modelColours, width, height }: ParallelProps) {
  const bottom = height - BOTTOM;
  // Room for the category labels when the method axis comes first (about 6.5 px per character at 11 px).
  const first = axes[0];
  const left = first?.kind === 'category' ? 24 + 6.5 * Math.max(0, ...first.categories!.map((c) => c.length)) : 50;
  const brush = useAxisBrush(onBrush);
  const slot = axes.length > 1 ? (width - left - RIGHT) / (axes.length - 1) : 0;
  const drag = useAxisDrag((x) => Math.max(0, Math.min(axes.length - 1, Math.round((x - left) / slot))), (key) => axes.findIndex((a) => a.key === key), onMove);
  const scales = useMemo(
    () =>
      axes.map((a): Scale => {
        const range = flipped.has(a.key) ? [TOP, bottom] : [bottom, TOP];
        const [lo, hi] = a.domain;
        // A constant axis: its value at mid-height (the ticks show that value alone).
        if (lo === hi) return a.kind === 'log' ? scaleLog().domain([lo / 2, lo * 2]).range(range).clamp(true) : scaleLinear().domain([lo - 1, lo + 1]).range(range).clamp(true);
        return a.kind === 'log' ? scaleLog().domain(a.domain).range(range).nice().clamp(true) : scaleLinear().domain(a.domain).range(range).clamp(true);
      }),
    [axes, flipped, bottom],
  );
  const methods = useMemo(() => [...new Set(rows.map((r) => r.method.label))], [rows]);
  const colourOf = (label: string) => colours[methods.indexOf(label) % colours.length];
  // An axis moved with the keyboard is re-inserted in the DOM, which drops its focus: restore it.
  const refocus = useRef<string | null>(null);
  const svg = useRef<SVGSVGElement>(null);
  useLayoutEffect(() => {
    const key = refocus.current;
    refocus.current = null;
    if (key) svg.current?.querySelector<SVGGElement>(`g[data-axis="${key}"] .axis-title`)?.focus();
  }, [axes]);
  if (width < 200 || axes.length < 2) return null;
  const x = (i: number) => (drag.dragged?.key === axes[i].key ? drag.dragged.x : left + i * slot);
  const which = (id: string) => (id === picked.A ? 'A' : id === picked.B ? 'B' : null);
  const rank = (id: string) => (which(id) ? 1 : 0);
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
  // Axis units u ∈ [0, 1] from the bottom of the drawn axis, for keyboard brushing.
  const toUnit = (s: Scale, v: number) => (bottom - s(v)) / (bottom - TOP);
  const fromUnit = (s: Scale, u: number) => s.invert(bottom - u * (bottom - TOP));
  const onAxisKey = (e: React.KeyboardEvent<SVGGElement>, a: PcAxis, i: number, s: Scale) => {
    const move = (to: number) => {
      if (to < 0 || to >= axes.length) return;
      refocus.current = a.key;
      onMove(a.key, to);
    };
    if ((e.altKey && e.key === 'ArrowLeft') || e.key === '[') move(i - 1);
    else if ((e.altKey && e.key === 'ArrowRight') || e.key === ']') move(i + 1);
    else if (e.key === 'f' || e.key === 'F' || e.key === 'Enter') onFlip(a.key);
    else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      const b = brushes[a.key];
      const u = stepBrush(b ? [toUnit(s, b[0]), toUnit(s, b[1])] : null, e.key === 'ArrowUp' ? 1 : -1, e.shiftKey);
      onBrush(a.key, roundBrush([fromUnit(s, u[0]), fromUnit(s, u[1])]));
    } else if (e.key === 'Escape' || e.key === 'Delete' || e.key === 'Backspace') {
      if (!brushes[a.key]) return;
      onBrush(a.key, null);
    } else return;
    e.preventDefault();
    e.stopPropagation();
  };
  return (
    <svg ref={svg} className="chart parallel" width={width} height={height} role="img" aria-label={`Parallel coordinates of ${rows.length} runs over ${axes.length} axes`} data-lines={rows.length}>
      {/* Halos under every line, labels at the line ends. */}
      <g className="picked" fill="none" pointerEvents="none">
        {(['A', 'B'] as const).map((k) => {
          const r = rows.find((row) => row.id === picked[k]);
          if (!r) return null;
          const end = [...axes.keys()].reverse().find((i) => pcValue(r, axes[i]) !== null);
          return (
            <g key={k} data-model={k}>
              <path d={line(r)} stroke={modelColours[k]} strokeWidth={9} strokeOpacity={0.3} strokeLinejoin="round" />
              {end !== undefined && <text x={x(end) + 8} y={scales[end](pcValue(r, axes[end])!)} dy="0.32em" className="tick" fontWeight={700} style={{ fill: modelColours[k] }}>{k}</text>}
            </g>
          );
        })}
      </g>
      <g className="lines" fill="none">
        {/* A and B last, so that they lie on top. */}
        {[...rows].sort((p, q) => rank(p.id) - rank(q.id)).map((r) => {
          const on = visible.has(r.id);
          return (
            <path
              key={r.id}
              data-id={r.id}
              data-visible={on}
              d={line(r)}
              stroke={colourOf(r.method.label)}
              strokeWidth={which(r.id) ? 3.5 : on ? 2 : 1}
              data-picked={which(r.id) ?? undefined}
              strokeDasharray={r.role === 'unlearned' ? undefined : '6 3'}
              opacity={which(r.id) ? 1 : on ? 0.85 : 0.12}
              style={{ cursor: 'pointer' }}
              onClick={(e) => onPick(r.id, e.shiftKey ? 'A' : 'B')}
            >
              <title>{`${r.id} · ${r.method.label} (click: Model B, shift-click: Model A)`}</title>
            </path>
          );
        })}
      </g>
      {axes.map((a, i) => {
        const s = scales[i];
        const ticks = a.kind === 'category' ? a.categories!.map((_, k) => k) : a.domain[0] === a.domain[1] ? [a.domain[0]] : a.kind === 'log' ? s.ticks().filter((t) => Math.abs(Math.log10(t) - Math.round(Math.log10(t))) < 1e-9) : s.ticks(4);
        const linearFormat = s.tickFormat(4, '~f');
        const b = brushes[a.key];
        const [r0, r1] = s.range();
        const isFlipped = flipped.has(a.key);
        const described = `${a.label} axis${isFlipped ? ', flipped' : ''}${b ? `, brushed ${b[0]} to ${b[1]}` : ''}`;
        return (
          <g
            key={a.key}
            className={`axis${drag.dragged?.key === a.key ? ' dragging' : ''}`}
            data-axis={a.key}
            data-scale={a.kind}
            data-domain={s.domain().join(',')}
            data-range={`${r0},${r1}`}
            data-flipped={isFlipped}
            data-brush={b ? b.join(',') : undefined}
            transform={`translate(${x(i)},0)`}
          >
            <line y1={TOP} y2={bottom} stroke="#777" />
            {ticks.map((t) => (
              <text key={t} x={a.kind === 'category' ? -18 : -5} y={s(t) + 4} textAnchor="end" className="tick" stroke="#fff" strokeWidth={3} paintOrder="stroke">
                {a.kind === 'category' ? a.categories![t] : a.kind === 'log' ? Number(t).toExponential(0) : linearFormat(t)}
              </text>
            ))}
            {/* The method axis doubles as the colour legend. */}
            {a.kind === 'category' && a.categories!.map((c, k) => <line key={c} className="swatch" x1={-15} x2={-4} y1={s(k)} y2={s(k)} stroke={colourOf(c)} strokeWidth={3} />)}
            {b && <rect className="brush" x={-7} width={14} y={Math.min(s(b[0]), s(b[1]))} height={Math.abs(s(b[0]) - s(b[1]))} fill="#585858" fillOpacity={0.25} stroke="#585858" pointerEvents="none" />}
            <rect
              className="brush-area"
              aria-label={`Brush ${a.label}`}
              x={-12}
              width={24}
              y={TOP}
              height={bottom - TOP}
              fill="transparent"
              style={{ cursor: 'crosshair' }}
              onPointerDown={(e) => brush.start(e, a.key, (y) => s.invert(y))}
              onPointerMove={brush.move}
              onPointerUp={brush.end}
            />
            <g
              className="axis-title"
              tabIndex={0}
              role="button"
              aria-roledescription="axis"
              aria-label={described}
              aria-description={KEYS_HELP}
              aria-keyshortcuts="Alt+ArrowLeft Alt+ArrowRight [ ] F Enter ArrowUp ArrowDown Shift+ArrowUp Shift+ArrowDown Escape"
              onPointerDown={(e) => drag.start(e, a.key)}
              onDoubleClick={() => onFlip(a.key)}
              onKeyDown={(e) => onAxisKey(e, a, i, s)}
            >
              <title>{`${a.label}: ${KEYS_HELP}`}</title>
              <rect x={-32} y={TOP - 28} width={64} height={22} rx={3} />
              <text y={TOP - 12} textAnchor="middle" className="tick" fontWeight={600}>{a.label}</text>
            </g>
            {/* Keyboard users flip from the focused title (F or Enter). */}
            <g className="axis-flip" aria-hidden="true" onClick={() => onFlip(a.key)}>
              <title>{`Flip ${a.label}`}</title>
              <rect x={-10} y={bottom + 6} width={20} height={20} rx={3} />
              <text y={bottom + 20} textAnchor="middle" className="tick">{isFlipped ? '⇵' : '⇅'}</text>
            </g>
          </g>
        );
      })}
    </svg>
  );
}
