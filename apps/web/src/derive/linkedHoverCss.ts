import type { AttackSide } from './attackGrids.js';

/** One attack sample of a panel: its side and position in the subset. */
export interface SampleRef {
  side: AttackSide;
  i: number;
}

/**
 * The style rules that link a hovered attack sample across its panel (ui.md §4.3, §4.5): every
 * dot and thumbnail of the panel fades to 0.3 except the sample's own dot and thumbnail, which
 * stay opaque and get a black outline. As a rule set, a hover restyles the panel without
 * re-rendering its hundreds of marks. Empty when nothing is hovered.
 *
 *   linkedHoverCss('A', { side: 'model', i: 3 })
 */
export function linkedHoverCss(panel: 'A' | 'B', hovered: SampleRef | null): string {
  if (!hovered) return '';
  const scope = `[data-panel="${panel}"]`;
  const same = `[data-side="${hovered.side}"][data-i="${hovered.i}"]`;
  return [
    `${scope} circle.dot, ${scope} .thumb { opacity: 0.3; }`,
    `${scope} circle.dot${same} { opacity: 1; stroke: #000; stroke-width: 2px; }`,
    `${scope} .thumb${same} { opacity: 1; outline: 2px solid #000; outline-offset: 1px; }`,
  ].join('\n');
}
