import { useEffect } from 'react';
import { rovingTarget } from '../derive/rovingTarget.js';

const GROUP = '[role=radiogroup], [role=tablist]';
const OPTION = '[role=radio], [role=tab]';

/** The options a radio group or tab list owns (not those of a nested group). Native radios manage themselves. */
function optionsOf(group: Element): HTMLElement[] {
  return [...group.querySelectorAll<HTMLElement>(OPTION)].filter((o) => o.closest(GROUP) === group && !(o instanceof HTMLInputElement));
}

const isEnabled = (o: HTMLElement) => !o.hasAttribute('disabled') && o.getAttribute('aria-disabled') !== 'true' && o.getClientRects().length > 0;
const isChosen = (o: HTMLElement) => o.getAttribute('aria-checked') === 'true' || o.getAttribute('aria-selected') === 'true';

/** Only the chosen option of each group (or its first enabled one) is a Tab stop; arrows reach the rest. */
function syncTabStops(root: ParentNode): void {
  for (const group of root.querySelectorAll(GROUP)) {
    const options = optionsOf(group);
    const stop = options.find(isChosen) ?? options.find(isEnabled);
    for (const o of options) {
      const tabIndex = o === stop ? 0 : -1;
      if (o.tabIndex !== tabIndex) o.tabIndex = tabIndex;
    }
  }
}

function onKeyDown(e: KeyboardEvent): void {
  if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
  const option = (e.target as Element | null)?.closest?.<HTMLElement>(OPTION);
  const group = option?.closest(GROUP);
  if (!option || !group || option instanceof HTMLInputElement) return;
  const options = optionsOf(group);
  const next = rovingTarget(e.key, options.indexOf(option), options.map(isEnabled));
  if (next === null) return;
  e.preventDefault();
  options[next].focus();
  // Selection follows focus, as in a native radio group; tabs activate automatically.
  if (!isChosen(options[next])) options[next].click();
}

/**
 * Arrow-key roving focus for every `role=radiogroup` and `role=tablist` in the document, whoever
 * renders it: one keydown listener, and a mutation observer that keeps the Tab stops on the
 * chosen options as the app re-renders.
 */
export function useRovingFocus(): void {
  useEffect(() => {
    document.addEventListener('keydown', onKeyDown);
    const observer = new MutationObserver((records) => {
      // Chart redraws (thousands of SVG nodes) cannot add a group; skip them.
      if (records.every((r) => r.target instanceof SVGElement)) return;
      syncTabStops(document);
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-checked', 'aria-selected', 'role', 'disabled', 'hidden'] });
    syncTabStops(document);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      observer.disconnect();
    };
  }, []);
}
