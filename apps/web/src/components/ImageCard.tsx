import { useEffect, useRef } from 'react';
import { ProbabilityBars } from '../charts/ProbabilityBars.js';
import { useColours } from './colours.js';

/** One side of the comparison in an image card: its label, colour, predicted class and probabilities. */
export interface CardModel {
  label: string;
  colour: string;
  /** Predicted class, or null when this model has no prediction for the image. */
  pred: number | null;
  probs: number[] | null;
}

export interface ImageCardProps {
  /** Pointer position of the click that opened the card. */
  at: { x: number; y: number };
  imageSrc: string | null;
  imageAlt: string;
  trueClass: number;
  /** The first model is drawn plain, the second striped (ui.md §3.4). */
  models: [CardModel, CardModel];
  /** The model the card was opened from: its bars are emphasised (both plain when omitted). */
  emphasis?: 0 | 1;
  classNames: string[];
  forgetClass: number;
  onClose(): void;
}

/**
 * The image card of ui.md §3.4 (Contrast) and §4.3/4.5 (Attack): the image at 180 × 180, its true
 * class, both models' predictions and the grouped probability bars. Placed at the pointer
 * (+60/+10), kept on screen, closed by Esc, its × button or a click elsewhere.
 */
export function ImageCard({ at, imageSrc, imageAlt, trueClass, models, emphasis, classNames, forgetClass, onClose }: ImageCardProps) {
  const c = useColours();
  const card = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const outside = (e: PointerEvent) => {
      if (card.current && !card.current.contains(e.target as Node)) close.current();
    };
    document.addEventListener('pointerdown', outside, true);
    return () => document.removeEventListener('pointerdown', outside, true);
  }, []);
  const [first, second] = models;
  const name = (k: number | null) => (k === null ? '–' : `${classNames[k] ?? k}${k === forgetClass ? ' (✖)' : ''}`);
  return (
    <div
      ref={card}
      className="card"
      role="dialog"
      aria-label="Instance details"
      style={{ left: Math.max(0, Math.min(at.x + 60, window.innerWidth - 510)), top: Math.max(0, Math.min(at.y + 10, window.innerHeight - 320)) }}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <div>
        {imageSrc !== null ? <img alt={imageAlt} src={imageSrc} /> : <div className="empty-inline" style={{ width: 180 }}>Image index not in this record</div>}
        <p>True Class: <b>{classNames[trueClass] ?? '?'}</b></p>
        <p>
          {first.label}: <b style={{ color: first.colour }}>{name(first.pred)}</b> · {second.label}: <b style={{ color: second.colour }}>{name(second.pred)}</b>
        </p>
      </div>
      <ProbabilityBars a={first.probs ?? []} b={second.probs} classNames={classNames} forgetClass={forgetClass} colours={c.classes} labels={[first.label, second.label]} emphasis={emphasis} />
      <button autoFocus aria-label="Close" style={{ alignSelf: 'flex-start' }} onClick={onClose}>×</button>
    </div>
  );
}
