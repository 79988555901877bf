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
    // Five Okabe–Ito colours plus five chosen (from Okabe–Ito and Paul Tol's sets, excluding A and
    // B) to maximise the smallest CIEDE2000 difference under normal, protan, deutan and tritan
    // vision while keeping ΔE00 ≥ 25 from the white background: see derive/colourAudit.ts.
    classes: ['#E69F00', '#56B4E9', '#009E73', '#CC79A7', '#000000', '#AA4499', '#2F4F4F', '#8B4513', '#997700', '#332288'],
  },
} as const;

export type ThemeName = keyof typeof THEMES;
export type Theme = (typeof THEMES)[ThemeName];
/** The attack reference (Retrained) in both themes: dark grey, light grey. */
export const RETRAINED = '#6a6a6a';
export const RETRAINED_LIGHT = '#D4D4D4';
