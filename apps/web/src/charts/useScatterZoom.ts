import { type RefObject, useEffect, useRef } from 'react';
import { select } from 'd3-selection';
import 'd3-transition';
import { type D3ZoomEvent, zoom, type ZoomBehavior, zoomIdentity, type ZoomTransform } from 'd3-zoom';

/** Scale extent of the embedding plots (ui.md §3.4). */
export const ZOOM_EXTENT: [number, number] = [0.6, 32];

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

export interface ZoomControl {
  /** The current transform (screen = t.apply(base position)). */
  current: RefObject<ZoomTransform>;
  /** Sets the transform, over 500 ms when `animate` and motion is allowed; reports no user zoom. */
  set(t: ZoomTransform, animate: boolean): void;
}

/**
 * d3-zoom on an SVG: wheel zooms, drag pans (unless `dragPans()` is false, e.g. while drawing a
 * lasso), double-click does nothing. `onZoom` runs on every change, `fromUser` when a gesture
 * (not a programmatic set) caused it, so linked plots can follow without echoing back.
 */
export function useScatterZoom(svg: RefObject<SVGSVGElement | null>, mounted: boolean, dragPans: () => boolean, onZoom: (t: ZoomTransform, fromUser: boolean) => void): ZoomControl {
  const current = useRef<ZoomTransform>(zoomIdentity);
  const behaviour = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  const latest = useRef({ dragPans, onZoom });
  latest.current = { dragPans, onZoom };
  useEffect(() => {
    const el = svg.current;
    if (!el) return;
    const z = zoom<SVGSVGElement, unknown>()
      .scaleExtent(ZOOM_EXTENT)
      .filter((e: MouseEvent | WheelEvent) => (e.type === 'wheel' || latest.current.dragPans()) && (!e.ctrlKey || e.type === 'wheel') && !e.button)
      .on('zoom', (e: D3ZoomEvent<SVGSVGElement, unknown>) => {
        current.current = e.transform;
        latest.current.onZoom(e.transform, e.sourceEvent != null);
      });
    const sel = select(el);
    // A plot that remounts keeps its view.
    sel.property('__zoom', current.current);
    sel.call(z).on('dblclick.zoom', null);
    behaviour.current = z;
    return () => {
      sel.interrupt().on('.zoom', null);
      behaviour.current = null;
    };
  }, [svg, mounted]);
  const set = (t: ZoomTransform, animate: boolean) => {
    const el = svg.current;
    const z = behaviour.current;
    if (!el || !z) return;
    const sel = select(el);
    if (animate && !reducedMotion()) sel.transition().duration(500).call(z.transform, t);
    else sel.interrupt().call(z.transform, t);
  };
  return { current, set };
}
