import { describe, expect, it } from 'vitest';
import { linkedHoverCss } from './linkedHoverCss.js';

describe('linkedHoverCss', () => {
  it('is empty when nothing is hovered', () => {
    expect(linkedHoverCss('A', null)).toBe('');
  });

  it('fades the panel and keeps the hovered sample’s dot and thumbnail opaque', () => {
    expect(linkedHoverCss('B', { side: 'retrained', i: 12 }).split('\n')).toEqual([
      '[data-panel="B"] circle.dot, [data-panel="B"] .thumb { opacity: 0.3; }',
      '[data-panel="B"] circle.dot[data-side="retrained"][data-i="12"] { opacity: 1; stroke: #000; stroke-width: 2px; }',
      '[data-panel="B"] .thumb[data-side="retrained"][data-i="12"] { opacity: 1; outline: 2px solid #000; outline-offset: 1px; }',
    ]);
  });
});
