import { Type } from '@sinclair/typebox';

/**
 * A named training recipe for Original and Retrained models (methods.md §3; the choice of the
 * `quick` recipes is explained in docs/spec-changes/recipes.md). Every value can still be
 * overridden per run; the record stores the recipe's id and every value actually used.
 */
export interface TrainingRecipe {
  id: string;
  label: string;
  description: string;
  /** The datasets the recipe is meant for; any other is refused. */
  datasets: readonly string[];
  architecture: string;
  epochs: number;
  batchSize: number;
  lr: number;
  momentum: number;
  nesterov: boolean;
  weightDecay: number;
  schedule: 'cosine' | 'constant';
  augment: boolean;
}

const SGD = { lr: 0.1, momentum: 0.9, nesterov: true, weightDecay: 5e-4, schedule: 'cosine' } as const;
/** Chosen by measurement for memorisation within minutes (docs/spec-changes/recipes.md). */
const QUICK = { batchSize: 32, lr: 0.05, momentum: 0.9, nesterov: true, weightDecay: 0, schedule: 'cosine', augment: false } as const;

export const TRAINING_RECIPES = [
  {
    id: 'reference',
    label: 'Reference (ResNet-18, 200 epochs)',
    description: "The reference system's recipe: ResNet-18, 200 epochs, SGD 0.1 with Nesterov, cosine, batch 128, crop + flip. A GPU job.",
    datasets: ['cifar10', 'cifar10-mini', 'fashion-mnist'],
    architecture: 'resnet18',
    epochs: 200,
    batchSize: 128,
    ...SGD,
    augment: true,
  },
  {
    id: 'cpu',
    label: 'CPU (ResNet-18 ×¼, 30 epochs)',
    description: 'The reference recipe on a quarter-width ResNet-18 for 30 epochs: closer to the reference architecture, about an hour on 2 cores.',
    datasets: ['cifar10', 'cifar10-mini'],
    architecture: 'resnet18-w16',
    epochs: 30,
    batchSize: 128,
    ...SGD,
    augment: true,
  },
  {
    id: 'quick',
    label: 'Quick (small CNN, CIFAR-10 mini)',
    description: 'Minutes on a CPU: small CNN, batch 32, no augmentation, no weight decay, aiming to memorise the training data (measured: train accuracy 0.89, test 0.63).',
    datasets: ['cifar10-mini'],
    architecture: 'small-cnn',
    ...QUICK,
    epochs: 15,
  },
  {
    id: 'quick-fashion-mnist',
    label: 'Quick (small CNN, Fashion-MNIST)',
    description: 'The quick recipe for Fashion-MNIST: its 60,000 training images allow only 2 epochs in minutes on a CPU.',
    datasets: ['fashion-mnist'],
    architecture: 'small-cnn',
    ...QUICK,
    epochs: 2,
  },
] as const satisfies readonly TrainingRecipe[];

export type RecipeId = (typeof TRAINING_RECIPES)[number]['id'];

export const RecipeId = Type.Union(
  TRAINING_RECIPES.map((r) => Type.Literal(r.id)),
  { description: `training recipe: ${TRAINING_RECIPES.map((r) => r.id).join(', ')}` },
);

/** The recipe a CPU-only backend starts from on a dataset (null: none fits it). */
export function quickRecipeFor(dataset: string): TrainingRecipe | null {
  return TRAINING_RECIPES.find((r) => r.id.startsWith('quick') && (r.datasets as readonly string[]).includes(dataset)) ?? null;
}

/** The recipe `id` for `dataset`; throws one line naming the recipe when it is unknown or meant for other datasets. */
export function recipeFor(id: string, dataset: string): TrainingRecipe {
  const recipe: TrainingRecipe | undefined = TRAINING_RECIPES.find((r) => r.id === id);
  if (!recipe) throw new Error(`unknown recipe: ${id} (expected ${TRAINING_RECIPES.map((r) => r.id).join(', ')})`);
  if (!recipe.datasets.includes(dataset)) throw new Error(`recipe ${id} does not fit dataset ${dataset} (it is for ${recipe.datasets.join(', ')})`);
  return recipe;
}

/** `value` when it is a recipe id (e.g. read from a checkpoint's stored configuration), else null. */
export function knownRecipeId(value: unknown): RecipeId | null {
  return TRAINING_RECIPES.find((r) => r.id === value)?.id ?? null;
}
