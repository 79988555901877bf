import { useAppStore } from '../stores/store.js';

/** Visual tokens (ui.md §0.2), and the colour-vision-safe theme of §6 item 10 (Okabe–Ito based). */
export const THEMES = {
  standard: {
    A: '#10B981', ALight: '#C8EBDA', AStroke: '#0D815B',
    B: '#A855F7', BLight: '#E6D0FD', BStroke: '#763CAD',
    classes: ['#4E79A7', '#F28E2B', '#E15759', '#76B7B2', '#59A14F', '#EDC948', '#B07AA1', '#FF9DA7', '#9C755F', '#BAB0AC'],
  },
  cvd: {
    A: '#0072B2', ALight: '#B3D4E8', AStroke: '#004C77',
    B: '#D55E00', BLight: '#F2CBB0', BStroke: '#8F3F00',
    classes: ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000', '#999999', '#882255'],
  },
} as const;

export type Theme = (typeof THEMES)[keyof typeof THEMES];
export const RETRAINED = '#6a6a6a';

export function useColours(): Theme {
  return useAppStore((s) => (s.cvdSafe ? THEMES.cvd : THEMES.standard));
}
