import { type ReactNode, useLayoutEffect, useRef, useState } from 'react';
import { downloadPng, downloadSvg, type FigureCaption, panelFigure } from './exportChart.js';

/**
 * A titled chart box that measures its width, and offers "SVG" / "PNG" (2×) downloads of the whole
 * panel as one figure: its title, the models' captions, and every chart and legend inside.
 */
export function ChartFrame({ title, name, controls, captions = [], children }: { title: string; name: string; controls?: ReactNode; captions?: readonly FigureCaption[]; children(width: number): ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(Math.floor(el.clientWidth)));
    ro.observe(el);
    setWidth(Math.floor(el.clientWidth));
    return () => ro.disconnect();
  }, []);
  const figure = () => panelFigure(box.current!, title, captions);
  return (
    <figure className="chart-frame" data-chart={name}>
      <figcaption className="chart-head">
        <h3>{title}</h3>
        <span className="chart-controls">{controls}</span>
        <span className="export">
          <button aria-label={`Download ${title} as SVG`} onClick={() => downloadSvg(figure().svg, name)}>SVG</button>
          <button aria-label={`Download ${title} as PNG`} onClick={() => void downloadPng(figure(), name)}>PNG</button>
        </span>
      </figcaption>
      <div ref={box} className="chart-body">{width > 0 ? children(width) : null}</div>
    </figure>
  );
}

/** A segmented control (Train | Test, Split | Bubbles…); arrow keys, Home and End come from useRovingFocus. */
export function Segmented<T extends string>({ value, options, onChange, label }: { value: T; options: { value: T; label: string }[]; onChange(v: T): void; label: string }) {
  return (
    <span className="segmented" role="radiogroup" aria-label={label}>
      {options.map((o) => (
        <button key={o.value} role="radio" aria-checked={o.value === value} tabIndex={o.value === value ? 0 : -1} className={o.value === value ? 'active' : ''} onClick={() => onChange(o.value)}>
          {o.label}
        </button>
      ))}
    </span>
  );
}
