import { type Static, Type } from '@sinclair/typebox';
import { ClassIndex } from './common.js';
import { RecipeId } from './recipe.js';

/** The built-in unlearning methods a Quick start runs, in queue order (methods.md §4). */
export const QUICK_START_METHODS = ['ft', 'ga', 'rl', 'scrub', 'salun'] as const;

/**
 * POST /api/jobs/quick-start: everything a first comparison needs for one forget class — the
 * Original and the Retrained model (each only when neither exists nor is queued) on one recipe,
 * then each of QUICK_START_METHODS at its defaults.
 */
export const QuickStartRequest = Type.Object(
  {
    dataset: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,63}$', description: 'dataset id, e.g. cifar10-mini' }),
    architecture: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,63}$', description: 'architecture id, e.g. small-cnn' }),
    forgetClass: ClassIndex,
    recipe: RecipeId,
    epochs: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, description: "the reference models' epochs (default: the recipe's)" })),
  },
  { additionalProperties: false },
);
export type QuickStartRequest = Static<typeof QuickStartRequest>;
