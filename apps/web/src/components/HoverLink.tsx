import { type RefObject, useEffect, useRef } from 'react';
import type { ScatterHandle } from '../charts/EmbeddingScatter.js';
import { shortenSegment } from '../derive/shortenSegment.js';
import { useAppStore } from '../stores/store.js';

/**
 * The 2 px black line that joins the hovered image's two marks across the plots (ui.md §3.4),
 * shortened 4 px at each end. Drawn over the plots' container; while something is hovered it
 * follows the marks every frame, so zoom, pan and the morph need no extra wiring.
 */
export function HoverLink({ container, plots, aToB, bToA }: { container: RefObject<HTMLElement | null>; plots: { A: RefObject<ScatterHandle | null>; B: RefObject<ScatterHandle | null> }; aToB: Int32Array; bToA: Int32Array }) {
  const line = useRef<SVGLineElement>(null);
  useEffect(() => {
    let frame = 0;
    const draw = () => {
      const h = useAppStore.getState().hoveredSample;
      const el = line.current, box = container.current;
      if (h === null || !el || !box) return void el?.setAttribute('visibility', 'hidden');
      const i = h % 1_000_000;
      const [iA, iB] = h >= 1_000_000 ? [bToA[i], i] : [i, aToB[i]];
      const p = iA >= 0 ? plots.A.current?.clientPoint(iA) : null;
      const q = iB >= 0 ? plots.B.current?.clientPoint(iB) : null;
      const r = box.getBoundingClientRect();
      const s = p && q ? shortenSegment([p[0] - r.left, p[1] - r.top], [q[0] - r.left, q[1] - r.top], 4) : null;
      if (!s) el.setAttribute('visibility', 'hidden');
      else {
        el.setAttribute('visibility', 'visible');
        el.setAttribute('x1', String(s[0][0]));
        el.setAttribute('y1', String(s[0][1]));
        el.setAttribute('x2', String(s[1][0]));
        el.setAttribute('y2', String(s[1][1]));
      }
      frame = requestAnimationFrame(draw);
    };
    const unsubscribe = useAppStore.subscribe((st, prev) => {
      if (st.hoveredSample === prev.hoveredSample) return;
      cancelAnimationFrame(frame);
      draw();
    });
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, [container, plots, aToB, bToA]);
  return (
    <svg className="hover-link" aria-hidden="true">
      <line ref={line} className="hover-link-line" stroke="#000" strokeWidth={2} visibility="hidden" />
    </svg>
  );
}
