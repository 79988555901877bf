import type { RecipeId } from './recipe.js';

/**
 * Before training recipes (issue 10), records and checkpoints named their training preset in
 * `config.preset`: `reference` and `cpu` became the recipes of the same name and values; the
 * `smoke` preset (resnet18-w8, 3 epochs) has no recipe.
 */
const RECIPE_OF_PRESET: ReadonlyMap<unknown, RecipeId> = new Map([
  ['reference', 'reference'],
  ['cpu', 'cpu'],
]);

/** The recipe an old `config.preset` value names, or null (none matches, or no preset). */
export function recipeOfPreset(preset: unknown): RecipeId | null {
  return RECIPE_OF_PRESET.get(preset) ?? null;
}

/**
 * A stored result record or checkpoint metadata with an old `config.preset` rewritten as
 * `config.recipe` (a `recipe` already there wins); anything else is returned unchanged.
 *
 *   upgradeLegacyPreset({ config: { preset: 'smoke', seed: 1 } }) // { config: { seed: 1, recipe: null } }
 */
export function upgradeLegacyPreset<T>(stored: T): T {
  const config = (stored as { config?: unknown } | null)?.config;
  if (typeof config !== 'object' || config === null || !('preset' in config)) return stored;
  const { preset, ...rest } = config as Record<string, unknown>;
  return { ...stored, config: { ...rest, recipe: rest.recipe ?? recipeOfPreset(preset) } };
}
