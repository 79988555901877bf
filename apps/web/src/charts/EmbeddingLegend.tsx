import type { Highlight } from '../derive/embeddingPoints.js';

/** The highlight options with what each emphasises (ui.md §3.4; each plot judged by its own model). */
export const HIGHLIGHTS: { value: Highlight; label: string; help: string }[] = [
  { value: 'all', label: 'All', help: 'every instance' },
  { value: 'forget', label: 'Target to Forget', help: 'forget-class instances' },
  { value: 'forgotten', label: 'Correctly Forgotten', help: 'forget-class instances the model now misclassifies' },
  { value: 'notForgotten', label: 'Not Forgotten', help: 'forget-class instances still predicted as the forget class' },
  { value: 'overly', label: 'Overly Forgotten', help: 'retain-class instances the model misclassifies' },
];

const CROSS = 'M-4,-4l8,8m0,-8l-8,8';
const SWATCH_W = 104;
const PRED_X = 130;

/**
 * The embedding plots' legend (ui.md §3.4): the mark shapes of the true class (● retain, ✖ forget),
 * the predicted-class colours in a 5-column grid (0, 2, 4, 6, 8 over 1, 3, 5, 7, 9), and the active
 * highlight with what it emphasises. Drawn as SVG so that a panel export carries it.
 */
export function EmbeddingLegend({ colours, classNames, forgetClass, highlight, width }: { colours: readonly string[]; classNames: readonly string[]; forgetClass: number; highlight: Highlight; width: number }) {
  const h = HIGHLIGHTS.find((o) => o.value === highlight)!;
  const predW = PRED_X + 5 * SWATCH_W;
  const wide = width >= predW + 260;
  const hl = wide ? { x: predW + 16, y: 0 } : { x: 0, y: 46 };
  return (
    <svg className="chart legend embedding-legend" width={width} height={wide ? 50 : 86} role="img" aria-label="Legend of the embeddings">
      <g transform="translate(4,10)">
        <text className="tick legend-title">True Class</text>
        <circle cx={6} cy={16} r={4} fill="#777" />
        <text x={14} y={16} dy="0.32em" className="tick">Retain</text>
        <path d={CROSS} transform="translate(62,16)" stroke="#777" strokeWidth={2} />
        <text x={70} y={16} dy="0.32em" className="tick">Forget</text>
      </g>
      <g transform={`translate(${PRED_X},10)`}>
        <text className="tick legend-title">Predicted Class</text>
        {colours.slice(0, classNames.length).map((colour, c) => (
          <g key={c} transform={`translate(${Math.floor(c / 2) * SWATCH_W},${12 + (c % 2) * 14})`}>
            <rect width={10} height={10} fill={colour} />
            <text x={14} y={5} dy="0.32em" className="tick">{classNames[c]}{c === forgetClass ? ' (✖)' : ''}</text>
          </g>
        ))}
      </g>
      <g transform={`translate(${hl.x + 4},${hl.y + 10})`}>
        <text className="tick legend-title">Highlight: {h.label}</text>
        <text y={18} className="tick">Emphasised: {h.help}</text>
      </g>
    </svg>
  );
}
