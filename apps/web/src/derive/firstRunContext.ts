import type { Architecture, Dataset } from '../api/types.js';
import { defaultRecipe, isGpu } from './recipeChoice.js';

/**
 * The dataset and architecture a fresh install opens with: the first available dataset whose
 * default recipe for this backend (derive/recipeChoice.ts) names an architecture the server has —
 * cifar10-mini with the quick recipe's small CNN on a CPU, even beside the full CIFAR-10 — else the first available dataset and architecture.
 */
export function firstRunContext(datasets: readonly Dataset[], architectures: readonly Architecture[], backend: string | null): { dataset: string; architecture: string } | null {
  if (datasets.length === 0 || architectures.length === 0) return null;
  const available = datasets.filter((d) => d.available);
  // On a CPU every dataset without a quick recipe falls back to the reference one: try those last.
  const fits = available.map((d) => ({ d, recipe: defaultRecipe(d.id, backend) })).filter(({ recipe }) => architectures.some((a) => a.id === recipe.architecture));
  const pick = fits.find(({ recipe }) => recipe.id !== 'reference' || isGpu(backend)) ?? fits[0];
  if (pick) return { dataset: pick.d.id, architecture: pick.recipe.architecture };
  return { dataset: (available[0] ?? datasets[0]).id, architecture: architectures[0].id };
}
