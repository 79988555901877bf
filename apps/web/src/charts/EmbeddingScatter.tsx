import { memo, type RefObject, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { scaleLinear } from 'd3-scale';
import { polygonArea, polygonContains } from 'd3-polygon';
import type { ZoomTransform } from 'd3-zoom';
import { type EmbeddingPoints, type Highlight, isHighlighted } from '../derive/embeddingPoints.js';
import { type Direction, nearestPoint, nextInDirection } from '../derive/pointSearch.js';
import { useAppStore } from '../stores/store.js';
import { useScatterZoom } from './useScatterZoom.js';
import './embeddingScatter.css';

/** What the panel can do to a plot: link its zoom to the other plot, and give it focus back. */
export interface ScatterHandle {
  transform(): ZoomTransform;
  setTransform(t: ZoomTransform, animate: boolean): void;
  focus(): void;
  /** Point i's centre in client (viewport) pixels, or null when it lies outside the plot. */
  clientPoint(i: number): [number, number] | null;
}

export type Polygon = [number, number][];

export interface ScatterProps {
  which: 'A' | 'B';
  points: EmbeddingPoints;
  /** Coordinates to draw (B's may be aligned onto A's, or morphing). */
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  domain: { x: [number, number]; y: [number, number] };
  /** For each point, its position in the other plot's sample (−1 when not shared). */
  link: Int32Array;
  highlight: Highlight;
  forgetClass: number;
  colours: readonly string[];
  classNames: readonly string[];
  /** Per point, 1 when in the active instance set; null when no set is active. */
  inSet: Uint8Array | null;
  /** Per point, 1 when emphasised by the morph's "largest movers"; null when that option is off. */
  movers: Uint8Array | null;
  lassoOn: boolean;
  /** The lasso outline to show, in unzoomed plot pixels (null: none in this plot). */
  lasso: Polygon | null;
  onLasso(which: 'A' | 'B', outline: Polygon, inside: number[]): void;
  onUserZoom(which: 'A' | 'B', t: ZoomTransform): void;
  onResetZoom(which: 'A' | 'B'): void;
  handle: RefObject<ScatterHandle | null>;
  width: number;
  height: number;
}

const CROSS = 'M-4,-4l8,8m0,-8l-8,8';
const round2 = (v: number) => Math.round(v * 100) / 100;
const ARROWS: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };
const HOVER_RADIUS = 8;
const MIN_LASSO_AREA = 16;

/** The marks, without positions: those are written by `place`, so zoom and morph never re-render them. */
const Marks = memo(function Marks({ points, on, highlight, colours, inSet }: { points: EmbeddingPoints; on: Uint8Array; highlight: Highlight; colours: readonly string[]; inSet: Uint8Array | null }) {
  const out = [];
  for (let i = 0; i < points.n; i++) {
    const fill = colours[points.pred[i] % colours.length];
    const inSetAttr = inSet ? String(inSet[i] === 1) : undefined;
    out.push(
      points.forget[i] ? (
        <path key={i} d={CROSS} stroke={fill} strokeWidth={2} opacity={on[i] ? 0.85 : 0.05} data-in-set={inSetAttr} />
      ) : (
        <circle key={i} r={on[i] && highlight === 'overly' ? 4 : 3} fill={fill} opacity={on[i] ? (highlight === 'overly' ? 0.85 : 0.6) : 0.05} data-in-set={inSetAttr} />
      ),
    );
  }
  return <g className="marks" pointerEvents="none">{out}</g>;
});

/**
 * One embedding plot (ui.md §3.4) with zoom and pan, keyboard access to its marks and a lasso.
 * Marks render once per data change. Positions are the plot's scales applied to x/y ("base"),
 * then the zoom: each mark sits at k·base inside a group translated by the zoom's offset, so a
 * pan writes one attribute and only a scale change or a morph step rewrites the marks. The hovered
 * sample comes through a transient store subscription (style.md, "Fast-changing state").
 */
export function EmbeddingScatter(props: ScatterProps) {
  const { points, width, height, which, link } = props;
  const hasRoom = width >= 100;
  const sx = useMemo(() => scaleLinear().domain(props.domain.x).nice().range([10, width - 10]), [props.domain.x, width]);
  const sy = useMemo(() => scaleLinear().domain(props.domain.y).nice().range([height - 10, 10]), [props.domain.y, height]);
  const base = useMemo(() => {
    const bx = new Float64Array(points.n), by = new Float64Array(points.n);
    for (let i = 0; i < points.n; i++) { bx[i] = sx(props.x[i]); by[i] = sy(props.y[i]); }
    return { x: bx, y: by };
  }, [points.n, props.x, props.y, sx, sy]);
  const on = useMemo(() => {
    const out = new Uint8Array(points.n);
    for (let i = 0; i < points.n; i++) out[i] = isHighlighted(points, i, props.highlight, props.forgetClass) && (!props.inSet || props.inSet[i]) && (!props.movers || props.movers[i]) ? 1 : 0;
    return out;
  }, [points, props.highlight, props.forgetClass, props.inSet, props.movers]);

  const [hover, setHover] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const svgRef = useRef<SVGSVGElement>(null);
  const viewRef = useRef<SVGGElement>(null);
  const hoverRef = useRef<SVGGElement>(null);
  const lassoRef = useRef<SVGPathElement>(null);
  const draftRef = useRef<SVGPathElement>(null);
  const drawing = useRef<Polygon | null>(null);
  const justDrew = useRef(false);
  const placed = useRef<{ base: typeof base; k: number; n: number } | null>(null);
  const latest = useRef({ base, hover, lasso: props.lasso });
  latest.current = { base, hover, lasso: props.lasso };

  /** Writes every zoom-dependent position: marks (only when the scale or base changed), group offset, hover ring, lasso outline. */
  const place = () => {
    const t = zoomer.current.current;
    const { base: b, hover: h, lasso } = latest.current;
    const marks = viewRef.current?.firstElementChild;
    if (!viewRef.current || !marks) return;
    const p = placed.current;
    if (!p || p.base !== b || p.k !== t.k || p.n !== marks.childElementCount) {
      // The SVG DOM's own transform objects: no string to build or parse per mark.
      const children = marks.children as HTMLCollectionOf<SVGGraphicsElement>;
      for (let i = 0; i < children.length; i++) {
        const list = children[i].transform.baseVal;
        if (list.numberOfItems === 0) list.appendItem(svgRef.current!.createSVGTransform());
        list.getItem(0).setTranslate(t.k * b.x[i], t.k * b.y[i]);
      }
      placed.current = { base: b, k: t.k, n: children.length };
    }
    viewRef.current.setAttribute('transform', `translate(${t.x},${t.y})`);
    if (hoverRef.current && h !== null) hoverRef.current.setAttribute('transform', `translate(${round2(t.k * b.x[h])},${round2(t.k * b.y[h])})`);
    if (lassoRef.current && lasso) lassoRef.current.setAttribute('d', `M${lasso.map(([x, y]) => `${round2(t.k * x)},${round2(t.k * y)}`).join('L')}Z`);
  };
  const zoomer = useScatterZoom(svgRef, hasRoom, () => !props.lassoOn, (t, fromUser) => {
    place();
    if (fromUser) props.onUserZoom(which, t);
  });
  useLayoutEffect(place);
  useImperativeHandle(props.handle, () => ({
    transform: () => zoomer.current.current,
    setTransform: zoomer.set,
    focus: () => svgRef.current?.focus(),
    clientPoint: (i) => {
      const svg = svgRef.current, b = latest.current.base;
      if (!svg || i < 0 || i >= b.x.length) return null;
      const t = zoomer.current.current, r = svg.getBoundingClientRect();
      const x = t.x + t.k * b.x[i], y = t.y + t.k * b.y[i];
      return x < 0 || y < 0 || x > r.width || y > r.height ? null : [r.left + x, r.top + y];
    },
  }));

  // Transient: subscribe to the hovered sample without re-rendering the marks.
  useEffect(
    () =>
      useAppStore.subscribe((s, prev) => {
        if (s.hoveredSample === prev.hoveredSample) return;
        const h = s.hoveredSample;
        if (h === null) return setHover(null);
        // hoveredSample is encoded as which*1e6 + index, so each plot maps it to its own point.
        const from = h >= 1_000_000 ? 'B' : 'A';
        const i = h % 1_000_000;
        setHover(from === which ? i : link[i] >= 0 ? link[i] : null);
      }),
    [which, link],
  );

  /** Screen positions (plot pixels after zoom) of all points. */
  const screen = () => {
    const t = zoomer.current.current;
    return { x: base.x.map((v) => t.x + t.k * v), y: base.y.map((v) => t.y + t.k * v) };
  };
  const eligible = (i: number) => on[i] === 1;
  const local = (e: { clientX: number; clientY: number }): [number, number] => {
    const r = svgRef.current!.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  };
  const code = (i: number) => (which === 'B' ? 1_000_000 : 0) + i;
  const ownHover = () => {
    const h = useAppStore.getState().hoveredSample;
    return h !== null && (h >= 1_000_000 ? 'B' : 'A') === which ? h % 1_000_000 : null;
  };
  const open = (i: number, clientX: number, clientY: number) =>
    useAppStore.getState().openSample({ index: which === 'A' ? i : link[i] >= 0 ? link[i] : -1 - i, x: clientX, y: clientY, source: which });
  const className = (k: number) => `${props.classNames[k] ?? k}${k === props.forgetClass ? ' (✖)' : ''}`;

  const onPointerMove = (e: React.PointerEvent<SVGSVGElement>) => {
    const [mx, my] = local(e);
    if (drawing.current) {
      drawing.current.push([mx, my]);
      draftRef.current?.setAttribute('d', `M${drawing.current.map(([x, y]) => `${round2(x)},${round2(y)}`).join('L')}Z`);
      return;
    }
    const s = screen();
    const i = nearestPoint(s.x, s.y, mx, my, HOVER_RADIUS, eligible);
    const c = i < 0 ? null : code(i);
    if (c !== useAppStore.getState().hoveredSample) useAppStore.getState().setHoveredSample(c);
  };
  const onPointerDown = (e: React.PointerEvent<SVGSVGElement>) => {
    if (!props.lassoOn || e.button !== 0) return;
    drawing.current = [local(e)];
    svgRef.current!.setPointerCapture(e.pointerId);
  };
  const onPointerUp = () => {
    const outline = drawing.current;
    if (!outline) return;
    drawing.current = null;
    draftRef.current?.setAttribute('d', '');
    // A press without a real drag stays a click (it opens the card).
    if (outline.length < 3 || Math.abs(polygonArea(outline)) < MIN_LASSO_AREA) return;
    justDrew.current = true;
    const s = screen();
    const inside: number[] = [];
    for (let i = 0; i < points.n; i++) if (polygonContains(outline, [s.x[i], s.y[i]])) inside.push(i);
    const t = zoomer.current.current;
    props.onLasso(which, outline.map(([x, y]) => [(x - t.x) / t.k, (y - t.y) / t.k]), inside);
  };
  const onClick = (e: React.MouseEvent<SVGSVGElement>) => {
    if (justDrew.current) return void (justDrew.current = false);
    // Open the highlighted point: click coordinates are whole pixels while pointermove's are
    // fractional, so in a dense cluster "nearest" could pick a neighbour of the shown one.
    const [mx, my] = local(e);
    const s = screen();
    const i = ownHover() ?? nearestPoint(s.x, s.y, mx, my, HOVER_RADIUS, eligible);
    if (i !== null && i >= 0) open(i, e.clientX, e.clientY);
    else useAppStore.getState().openSample(null);
  };
  const onKeyDown = (e: React.KeyboardEvent<SVGSVGElement>) => {
    const direction = ARROWS[e.key];
    const current = ownHover();
    if (direction) {
      e.preventDefault();
      const s = screen();
      const next = current === null ? nearestPoint(s.x, s.y, width / 2, height / 2, Infinity, eligible) : nextInDirection(s.x, s.y, current, direction, eligible);
      if (next < 0) return;
      useAppStore.getState().setHoveredSample(code(next));
      setAnnouncement(`Sample ${points.keys[next]}: true ${points.trueClass[next] >= 0 ? className(points.trueClass[next]) : 'unknown'}, predicted ${className(points.pred[next])}`);
    } else if (e.key === 'Enter' && current !== null) {
      e.preventDefault();
      const r = svgRef.current!.getBoundingClientRect();
      const s = screen();
      open(current, r.left + s.x[current], r.top + s.y[current]);
    } else if (e.key === 'Escape') {
      useAppStore.getState().setHoveredSample(null);
      setAnnouncement('');
    }
  };

  if (!hasRoom) return null;
  return (
    <div className="scatter-box">
      <svg
        ref={svgRef}
        className={`chart scatter${props.lassoOn ? ' lasso-mode' : ''}`}
        width={width}
        height={height}
        tabIndex={0}
        role="application"
        aria-roledescription="scatter plot"
        aria-label={`Embedding of Model ${which}: ${points.n} points. Arrow keys move between instances, Enter opens details, Escape clears.`}
        data-points={points.n}
        onPointerMove={onPointerMove}
        onPointerDown={onPointerDown}
        onPointerUp={onPointerUp}
        onPointerCancel={() => {
          drawing.current = null;
          draftRef.current?.setAttribute('d', '');
        }}
        onPointerLeave={() => !drawing.current && useAppStore.getState().setHoveredSample(null)}
        onClick={onClick}
        onKeyDown={onKeyDown}
      >
        <g ref={viewRef} className="view">
          <Marks points={points} on={on} highlight={props.highlight} colours={props.colours} inSet={props.inSet} />
          {props.lasso && <path ref={lassoRef} className="lasso" />}
          {hover !== null && (
            <g ref={hoverRef} className="hover" pointerEvents="none" data-hover={hover} data-key={points.keys[hover]}>
              <circle r={6} fill="none" stroke="#000" strokeWidth={2} />
              <text x={8} y={-8} className="tick" stroke="#fff" strokeWidth={3} paintOrder="stroke">
                true {points.trueClass[hover]} → pred {points.pred[hover]}
              </text>
            </g>
          )}
        </g>
        <path ref={draftRef} className="lasso lasso-draft" />
      </svg>
      <button type="button" className="zoom-home" aria-label={`Reset zoom of Model ${which}`} title="Reset zoom" onClick={() => props.onResetZoom(which)}>⌂</button>
      <p className="sr-only" aria-live="polite">{announcement}</p>
    </div>
  );
}
