import { RETRAINED, THEMES } from '../components/themes.js';
import { aaMinimum, contrastRatio } from './contrastRatio.js';
import { cellColour, type MetricKey } from './rankColours.js';
import { mixColours } from './srgb.js';

/** A foreground colour drawn on a background somewhere in the app. */
export interface ColourPair {
  use: string;
  fg: string;
  bg: string;
  /** 'text' needs 4.5:1; 'large' text (≥ 24 px, or ≥ 18.66 px bold) and 'ui' marks need 3:1. */
  kind: 'text' | 'large' | 'ui';
  /** Where the colours are set: a file, and for styles.css the rule's selector. */
  file: string;
  rule?: string;
}

export interface ContrastRow extends ColourPair {
  ratio: number;
  required: number;
  pass: boolean;
}

const CSS = 'styles.css';
const pair = (use: string, fg: string, bg: string, kind: ColourPair['kind'], rule?: string, file = CSS): ColourPair => ({ use, fg, bg, kind, file, rule });

/** Focus ring (styles.css `:focus-visible`): a white inner ring and a blue outer one. */
export const FOCUS_RING = { inner: '#ffffff', outer: '#1d4ed8' } as const;
/** The letter badges darken the model's fill by this much black so white letters stay legible. */
export const BADGE_SHADE = 0.3;

const STYLE_PAIRS: ColourPair[] = [
  pair('body text', '#222', '#fff', 'text', ':root'),
  pair('header title and active stage', '#fff', '#000', 'text', '.header'),
  pair('header labels (Architecture, Dataset, CVD toggle)', '#ddd', '#000', 'text', '.header-select'),
  pair('header select', '#fff', '#222', 'text', '.header-select select'),
  pair('stage tabs', '#cbd5e1', '#000', 'text', '.stage-nav button'),
  pair('forget-class tab', '#94a3b8', '#1f2937', 'text', '.class-tab button'),
  pair('forget-class empty hint in the header', '#9ca3af', '#000', 'text', '.header .empty-inline'),
  pair('backend badge', '#fff', '#333', 'text', '.backend'),
  pair('section titles', '#4d4d4d', '#fff', 'text', '.chart-head h3'),
  pair('secondary text (empty states)', '#6b7280', '#fff', 'text', '.empty-state'),
  pair('legend end labels (11 px)', '#555', '#fff', 'text', '.legend-bar i'),
  pair('chart ticks (11 px)', '#444', '#fff', 'text', '.tick'),
  pair('axis labels', '#333', '#fff', 'text', '.axis-label'),
  pair('primary button', '#fff', '#585858', 'text', 'button.primary'),
  pair('primary button, hover', '#fff', '#696969', 'text', 'button.primary:hover:not(:disabled)'),
  pair('danger button', '#fff', '#b91c1c', 'text', 'button.danger'),
  pair('active segment', '#fff', '#585858', 'text', '.segmented button.active'),
  pair('method-filter icon', '#6b7280', '#fff', 'ui', '.method-filter > button'),
  pair('sort arrows, inactive', '#808080', '#fff', 'ui', '.sort-icon'),
  pair('badge Original', '#222', '#F3F4F6', 'text', '.type-badge.original'),
  pair('badge Retrained', '#fff', RETRAINED, 'text', '.type-badge.retrained'),
  pair('badge Unlearned', '#fff', '#b45309', 'text', '.type-badge.unlearned'),
  pair('toast', '#fff', '#1f2937', 'text', '.toast'),
  pair('toast, error', '#fff', '#991b1b', 'text', '.toast.error'),
  pair('inline error', '#991b1b', '#fef2f2', 'text', '.inline-error'),
  pair('field error', '#b91c1c', '#fff', 'text', '.field-error'),
  pair('warnings', '#92400e', '#fff', 'text', '.warnings'),
  pair('hyperparameter chips', '#222', '#E2E8F0', 'text', '.badge'),
  pair('details labels', '#4d4d4d', '#fff', 'text', '.kv dt'),
  pair('focus ring outer, on white', FOCUS_RING.outer, '#fff', 'ui', ':focus-visible'),
  pair('focus ring inner, on the black header', FOCUS_RING.inner, '#000', 'ui', ':focus-visible'),
  pair('focus ring inner, on a forget-class tab', FOCUS_RING.inner, '#1f2937', 'ui', ':focus-visible'),
];

function themePairs(): ColourPair[] {
  return Object.entries(THEMES).flatMap(([name, t]) =>
    (['A', 'B'] as const).flatMap((m) => {
      const stroke = m === 'A' ? t.AStroke : t.BStroke;
      return [
        pair(`${name}: Model ${m} name (stroke colour on white)`, stroke, '#fff', 'text', undefined, 'components/themes.ts'),
        pair(`${name}: Model ${m} letter badge`, '#fff', mixColours(t[m], '#000', BADGE_SHADE), 'text', '.ab-badge'),
        pair(`${name}: Model ${m} worst-case button`, '#fff', stroke, 'text', undefined, 'components/themes.ts'),
      ];
    }),
  );
}

/**
 * The table's metric cells on both sides of each switch between dark and white text, and at the
 * ramp ends (TRA with maximum 1, RTE with maximum 100 s).
 */
function rampPairs(): ColourPair[] {
  const d = { traMax: 1, rtMax: 100 };
  const probes: [MetricKey, number][] = [
    ['UA', 0.2], ['UA', 0.1001], ['UA', 0.1], ['UA', 0],
    ['RA', 0.8], ['RA', 0.9199], ['RA', 0.92], ['RA', 1],
    ['RTE', 100], ['RTE', 40.01], ['RTE', 40], ['RTE', 0],
    ['PS', 0], ['PS', 0.5999], ['PS', 0.6], ['PS', 1],
  ];
  return probes.map(([k, v]) => {
    const c = cellColour(k, v, d);
    return pair(`table ${k} = ${v}`, c.color, c.background, 'text', undefined, 'derive/rankColours.ts');
  });
}

/** Every audited pair: the stylesheet's text tokens, the two themes, and the table's ramps. */
export function colourPairs(): ColourPair[] {
  return [...STYLE_PAIRS, ...themePairs(), ...rampPairs()];
}

/** WCAG 2.1 AA check of each pair. */
export function auditContrast(pairs: readonly ColourPair[]): ContrastRow[] {
  return pairs.map((p) => {
    const ratio = contrastRatio(p.fg, p.bg);
    const required = aaMinimum(p.kind);
    return { ...p, ratio, required, pass: ratio >= required };
  });
}
