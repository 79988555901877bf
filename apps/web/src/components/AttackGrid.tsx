import { useState } from 'react';
import { api } from '../api/client.js';
import type { Thumb } from '../derive/attackGrids.js';

const SIZES = [12, 16, 20, 24, 28, 42] as const;
const BORDERS = [1, 1, 1.5, 1.5, 2, 2] as const;

export interface AttackGridProps {
  kind: 'success' | 'failure';
  thumbs: Thumb[];
  /** Retrained samples + model samples: the percentage's denominator. */
  total: number;
  dataset: string;
  which: 'A' | 'B';
  colour: string;
  lightColour: string;
  highlightTitle: boolean;
}

/**
 * One success or failure grid of an attack panel (ui.md §4.5): thumbnails of the subset images,
 * filter checkboxes per side, a six-step size slider; hovering a thumbnail fades the others.
 */
export function AttackGrid({ kind, thumbs, total, dataset, which, colour, lightColour, highlightTitle }: AttackGridProps) {
  const [show, setShow] = useState({ retrained: true, model: true });
  const [size, setSize] = useState(0);
  const [hover, setHover] = useState<string | null>(null);
  const px = SIZES[size];
  const border = (t: Thumb) =>
    t.side === 'retrained' ? (kind === 'success' ? '#D4D4D4' : '#6a6a6a') : kind === 'success' ? colour : lightColour;
  const shown = thumbs.filter((t) => show[t.side]);
  const title = kind === 'success' ? 'Success' : 'Failure';
  return (
    <div className="attack-grid" data-grid={kind} data-testid={`grid-${kind}-${which}`}>
      <div className="chart-controls">
        <b style={{ color: kind === 'success' && highlightTitle ? '#b91c1c' : undefined }}>
          {title} {(100 * thumbs.length / total).toFixed(2)}%
        </b>
        <label><input type="checkbox" style={{ accentColor: '#6a6a6a' }} checked={show.retrained} onChange={(e) => setShow({ ...show, retrained: e.target.checked })} /> Retrained samples</label>
        <label><input type="checkbox" style={{ accentColor: colour }} checked={show.model} onChange={(e) => setShow({ ...show, model: e.target.checked })} /> Model {which} samples</label>
        <label>Size <input type="range" aria-label={`${title} thumbnail size`} min={0} max={SIZES.length - 1} step={1} value={size} onChange={(e) => setSize(Number(e.target.value))} /></label>
      </div>
      <div className="thumbs" style={{ display: 'flex', flexWrap: 'wrap', gap: 1, maxHeight: 180, overflowY: 'auto' }} onPointerLeave={() => setHover(null)}>
        {shown.map((t) => {
          const key = `${t.side}-${t.i}`;
          const style = { width: px, height: px, boxSizing: 'border-box' as const, border: `${BORDERS[size]}px solid ${border(t)}`, opacity: hover && hover !== key ? 0.3 : 1, background: '#eee' };
          return t.image === null ? (
            <span key={key} className="thumb" data-side={t.side} style={style} title={`${t.side === 'model' ? `Model ${which}` : 'Retrained'} sample ${t.i}`} />
          ) : (
            <img
              key={key}
              className="thumb"
              data-side={t.side}
              data-image={t.image}
              data-i={t.i}
              loading="lazy"
              alt={`${t.side === 'model' ? `Model ${which}` : 'Retrained'} sample, training image ${t.image}`}
              src={api.imageUrl(dataset, 'train', t.image)}
              style={{ ...style, imageRendering: 'pixelated' }}
              onPointerEnter={() => setHover(key)}
            />
          );
        })}
      </div>
    </div>
  );
}
