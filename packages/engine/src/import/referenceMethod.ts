import type { Role } from '@mu/schema';

/** Our method for each reference method string (results-schema.md §6 rule 3). */
const METHODS: Record<string, { id: string; label: string }> = {
  FineTuning: { id: 'ft', label: 'Fine-Tuning' },
  'Fine-Tuning': { id: 'ft', label: 'Fine-Tuning' },
  GradientAscent: { id: 'ga', label: 'Gradient Ascent' },
  'Gradient-Ascent': { id: 'ga', label: 'Gradient Ascent' },
  RandomLabeling: { id: 'rl', label: 'Random Labeling' },
  'Random-Labeling': { id: 'rl', label: 'Random Labeling' },
  SCRUB: { id: 'scrub', label: 'SCRUB' },
  SalUn: { id: 'salun', label: 'SalUn' },
  Custom: { id: 'upload', label: 'Upload' },
  'GA+FT': { id: 'ref-ga-ft', label: 'GA+FT' },
  'GA+SL+FT': { id: 'ref-ga-sl-ft', label: 'GA+SL+FT' },
  'GA+SL+FT V2': { id: 'ref-ga-sl-ft-v2', label: 'GA+SL+FT V2' },
};

/**
 * `config.method` of an imported record from the reference method string and the role;
 * `N/A` means the Original or Retrained recipe. Unknown strings are rejected.
 *
 *   referenceMethod('Gradient-Ascent', 'unlearned') // {id: 'ga', label: 'Gradient Ascent', version: 'reference'}
 */
export function referenceMethod(method: string, role: Role): { id: string; label: string; version: string } {
  if (method === 'N/A' && role === 'original') return { id: 'original', label: 'Original', version: 'reference' };
  if (method === 'N/A' && role === 'retrained') return { id: 'retrain', label: 'Retrain', version: 'reference' };
  const known = Object.hasOwn(METHODS, method) ? METHODS[method] : undefined;
  if (known === undefined) {
    throw new Error(`unknown reference method: ${JSON.stringify(method)} for role ${role} (expected one of ${Object.keys(METHODS).join(', ')}, or N/A for original/retrained)`);
  }
  return { ...known, version: 'reference' };
}
