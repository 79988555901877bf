import { useAppStore } from '../stores/store.js';
import { THEMES, type Theme } from './themes.js';

export { RETRAINED, THEMES, type Theme } from './themes.js';

/** The current theme's colours: the colour-vision-safe set when the header toggle is on. */
export function useColours(): Theme {
  return useAppStore((s) => (s.cvdSafe ? THEMES.cvd : THEMES.standard));
}
