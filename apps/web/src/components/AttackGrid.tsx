import { type KeyboardEvent, memo, useState } from 'react';
import type { AttackSide, Thumb } from '../derive/attackGrids.js';
import type { SampleRef } from '../derive/linkedHoverCss.js';
import { spriteTileStyle } from '../derive/spriteSheet.js';
import './AttackGrid.css';

const SIZES = [12, 16, 20, 24, 28, 42] as const;
const BORDERS = [1, 1, 1.5, 1.5, 2, 2] as const;

/** The panel's thumbnails as one sprite sheet (ui.md §5): its URL and the tile of each image. */
export interface ThumbSprite {
  url: string;
  tiles: number;
  tileOf: ReadonlyMap<number, number>;
}

export interface AttackGridProps {
  kind: 'success' | 'failure';
  thumbs: Thumb[];
  /** Retrained samples + model samples: the percentage's denominator. */
  total: number;
  sprite: ThumbSprite | null;
  which: 'A' | 'B';
  colour: string;
  lightColour: string;
  highlightTitle: boolean;
  /** Keys of the active instance set (null: none); thumbnails outside it fade. */
  inSet: ReadonlySet<number> | null;
  onHover(sample: SampleRef | null): void;
  onOpen(sample: SampleRef, at: { x: number; y: number }): void;
}

/** The sample of a thumbnail element (null for anything else). */
function sampleOf(target: EventTarget | null): { ref: SampleRef; el: HTMLElement } | null {
  const el = (target as Element | null)?.closest<HTMLElement>('.thumb');
  return el ? { ref: { side: el.dataset.side as AttackSide, i: Number(el.dataset.i) }, el } : null;
}

const KEY_STEPS: Record<string, (columns: number) => number> = { ArrowRight: () => 1, ArrowLeft: () => -1, ArrowDown: (c) => c, ArrowUp: (c) => -c };

/**
 * One success or failure grid of an attack panel (ui.md §4.5): thumbnails of the subset images
 * cut from the panel's sprite sheet, filter checkboxes per side, a six-step size slider. Hover
 * and focus link a thumbnail to its dot; a click or Enter opens its image card. The grid is one
 * tab stop; arrow keys, Home and End move between thumbnails.
 */
export const AttackGrid = memo(function AttackGrid({ kind, thumbs, total, sprite, which, colour, lightColour, highlightTitle, inSet, onHover, onOpen }: AttackGridProps) {
  const [show, setShow] = useState({ retrained: true, model: true });
  // 24 px: the smallest size at which a thumbnail is recognisable (the reference defaulted to 12 px).
  const [size, setSize] = useState(3);
  const [active, setActive] = useState(0);
  const px = SIZES[size];
  const borderWidth = BORDERS[size];
  const border = (t: Thumb) =>
    t.side === 'retrained' ? (kind === 'success' ? '#D4D4D4' : '#6a6a6a') : kind === 'success' ? colour : lightColour;
  const shown = thumbs.filter((t) => show[t.side]);
  const current = Math.min(active, shown.length - 1);
  const title = kind === 'success' ? 'Success' : 'Failure';
  const sideName = (t: Thumb) => (t.side === 'model' ? `Model ${which}` : 'Retrained');
  const open = (el: HTMLElement, ref: SampleRef) => {
    const r = el.getBoundingClientRect();
    onOpen(ref, { x: r.right, y: r.top });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const hit = sampleOf(e.target);
    if (!hit) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      return open(hit.el, hit.ref);
    }
    const columns = Math.max(1, Math.floor((e.currentTarget.clientWidth + 1) / (px + 1)));
    const next = e.key === 'Home' ? 0 : e.key === 'End' ? shown.length - 1 : KEY_STEPS[e.key] ? current + KEY_STEPS[e.key](columns) : null;
    if (next === null) return;
    e.preventDefault();
    const target = Math.max(0, Math.min(shown.length - 1, next));
    setActive(target);
    e.currentTarget.querySelectorAll<HTMLElement>('.thumb')[target]?.focus();
  };
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
      <div
        className="thumbs"
        role="group"
        aria-label={`${title} samples of Model ${which} vs Retrained (arrow keys move, Enter opens the image card)`}
        onPointerOver={(e) => onHover(sampleOf(e.target)?.ref ?? null)}
        onPointerLeave={() => onHover(null)}
        onFocus={(e) => onHover(sampleOf(e.target)?.ref ?? null)}
        onBlur={() => onHover(null)}
        onClick={(e) => {
          const hit = sampleOf(e.target);
          if (hit) onOpen(hit.ref, { x: e.clientX, y: e.clientY });
        }}
        onKeyDown={onKeyDown}
      >
        {shown.map((t, n) => {
          const tile = t.image !== null ? sprite?.tileOf.get(t.image) : undefined;
          const picture = sprite && tile !== undefined ? { backgroundImage: `url("${sprite.url}")`, ...spriteTileStyle(tile, sprite.tiles, px - 2 * borderWidth) } : {};
          return (
            <span
              key={`${t.side}-${t.i}`}
              className="thumb"
              role="button"
              tabIndex={n === current ? 0 : -1}
              aria-label={`${sideName(t)} sample ${t.i}${t.image !== null ? `, training image ${t.image}` : ''}`}
              data-side={t.side}
              data-i={t.i}
              data-image={t.image ?? undefined}
              data-in-set={inSet && t.key !== null ? String(inSet.has(t.key)) : undefined}
              style={{ width: px, height: px, borderWidth, borderColor: border(t), ...picture }}
            />
          );
        })}
      </div>
    </div>
  );
});
