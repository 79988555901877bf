import { recipeFor, TRAINING_RECIPES, type TrainingRecipe } from '@mu/schema';
import { UsageError } from './usageError.js';

/** Reads a numeric option; `undefined` when absent, a UsageError naming the flag when malformed. */
export function numberOption(values: Record<string, unknown>, flag: string): number | undefined {
  const raw = values[flag];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (typeof raw !== 'string' || raw.trim() === '' || !Number.isFinite(n)) {
    throw new UsageError(`invalid --${flag}: ${String(raw)} (expected a number)`);
  }
  return n;
}

/** Reads an integer option the same way. */
export function integerOption(values: Record<string, unknown>, flag: string): number | undefined {
  const n = numberOption(values, flag);
  if (n !== undefined && !Number.isInteger(n)) throw new UsageError(`invalid --${flag}: ${n} (expected an integer)`);
  return n;
}

/**
 * Reads `--recipe` with the dataset it is for (`--dataset`, else the recipe's first dataset):
 * a UsageError when the recipe is unknown or meant for other datasets.
 */
export function recipeOption(values: { recipe?: string; dataset?: string }): { recipe: TrainingRecipe | undefined; dataset: string | undefined } {
  const dataset = values.dataset ?? TRAINING_RECIPES.find((r) => r.id === values.recipe)?.datasets[0];
  if (values.recipe === undefined) return { recipe: undefined, dataset };
  try {
    return { recipe: recipeFor(values.recipe, dataset ?? ''), dataset };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
