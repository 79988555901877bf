import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { scaleLinear } from 'd3-scale';
import { type EmbeddingPoints, type Highlight, isHighlighted } from '../derive/embeddingPoints.js';
import { useAppStore } from '../stores/store.js';

export interface ScatterProps {
  which: 'A' | 'B';
  points: EmbeddingPoints;
  /** Coordinates to draw (B's may be aligned onto A's). */
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  domain: { x: [number, number]; y: [number, number] };
  /** For each point, its position in the other plot's sample (−1 when not shared). */
  link: Int32Array;
  highlight: Highlight;
  forgetClass: number;
  colours: readonly string[];
  width: number;
  height: number;
}

const Marks = memo(function Marks({ points, x, y, sx, sy, highlight, forgetClass, colours }: Omit<ScatterProps, 'which' | 'domain' | 'link' | 'width' | 'height'> & { sx: (v: number) => number; sy: (v: number) => number }) {
  const out = [];
  for (let i = 0; i < points.n; i++) {
    const on = isHighlighted(points, i, highlight, forgetClass);
    const fill = colours[points.pred[i] % colours.length];
    const px = sx(x[i]);
    const py = sy(y[i]);
    out.push(
      points.forget[i] ? (
        <path key={i} d={`M${px - 4},${py - 4}l8,8m0,-8l-8,8`} stroke={fill} strokeWidth={2} opacity={on ? 0.85 : 0.05} />
      ) : (
        <circle key={i} cx={px} cy={py} r={on && highlight === 'overly' ? 4 : 3} fill={fill} opacity={on ? (highlight === 'overly' ? 0.85 : 0.6) : 0.05} />
      ),
    );
  }
  return <g className="marks">{out}</g>;
});

/**
 * One embedding plot. Marks render once per data change; the hovered sample comes through a
 * transient store subscription and only redraws the small overlay (style.md, "Fast-changing state").
 */
export function EmbeddingScatter(props: ScatterProps) {
  const { points, width, height, which } = props;
  const sx = useMemo(() => scaleLinear().domain(props.domain.x).nice().range([10, width - 10]), [props.domain.x, width]);
  const sy = useMemo(() => scaleLinear().domain(props.domain.y).nice().range([height - 10, 10]), [props.domain.y, height]);
  const [hover, setHover] = useState<number | null>(null);
  const ref = useRef<SVGSVGElement>(null);
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
        setHover(from === which ? i : props.link[i] >= 0 ? props.link[i] : null);
      }),
    [which, props.link],
  );
  const nearest = (mx: number, my: number): number | null => {
    let best = -1;
    let bd = 64;
    for (let i = 0; i < points.n; i++) {
      if (!isHighlighted(points, i, props.highlight, props.forgetClass)) continue;
      const dx = sx(props.x[i]) - mx, dy = sy(props.y[i]) - my, d = dx * dx + dy * dy;
      if (d < bd) { bd = d; best = i; }
    }
    return best < 0 ? null : best;
  };
  const onMove = (e: React.PointerEvent<SVGSVGElement>) => {
    const r = ref.current!.getBoundingClientRect();
    const i = nearest(e.clientX - r.left, e.clientY - r.top);
    const code = i === null ? null : (which === 'B' ? 1_000_000 : 0) + i;
    if (code !== useAppStore.getState().hoveredSample) useAppStore.getState().setHoveredSample(code);
  };
  if (width < 100) return null;
  return (
    <svg
      ref={ref}
      className="chart scatter"
      width={width}
      height={height}
      role="img"
      aria-label={`Embedding of Model ${which}: ${points.n} points`}
      data-points={points.n}
      onPointerMove={onMove}
      onPointerLeave={() => useAppStore.getState().setHoveredSample(null)}
      onClick={(e) => {
        // Open the highlighted point: click coordinates are whole pixels while pointermove's are
        // fractional, so in a dense cluster "nearest" could pick a neighbour of the shown one.
        const h = useAppStore.getState().hoveredSample;
        const r = ref.current!.getBoundingClientRect();
        const i = h !== null && (h >= 1_000_000 ? 'B' : 'A') === which ? h % 1_000_000 : nearest(e.clientX - r.left, e.clientY - r.top);
        useAppStore.getState().openSample(i === null ? null : { index: which === 'A' ? i : props.link[i] >= 0 ? props.link[i] : -1 - i, x: e.clientX, y: e.clientY, source: which });
      }}
    >
      <Marks points={points} x={props.x} y={props.y} sx={sx} sy={sy} highlight={props.highlight} forgetClass={props.forgetClass} colours={props.colours} />
      {hover !== null && (
        <g className="hover" pointerEvents="none" data-hover={hover} data-key={points.keys[hover]}>
          <circle cx={sx(props.x[hover])} cy={sy(props.y[hover])} r={6} fill="none" stroke="#000" strokeWidth={2} />
          <text x={sx(props.x[hover]) + 8} y={sy(props.y[hover]) - 8} className="tick" stroke="#fff" strokeWidth={3} paintOrder="stroke">
            true {points.trueClass[hover]} → pred {points.pred[hover]}
          </text>
        </g>
      )}
    </svg>
  );
}
