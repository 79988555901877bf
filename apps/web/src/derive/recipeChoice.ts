import { quickRecipeFor, TRAINING_RECIPES, type TrainingRecipe } from '@mu/schema';

/** Backends that run on a GPU; every other one (wasm, cpu, native CPU TensorFlow) is CPU-class. */
const GPU_BACKENDS = ['tensorflow-gpu', 'webgl'];

/** The training recipes offered for a dataset (those meant for it), in their defined order. */
export function recipesFor(dataset: string): TrainingRecipe[] {
  return TRAINING_RECIPES.filter((r) => (r.datasets as readonly string[]).includes(dataset));
}

/**
 * The recipe the references banner starts from: the dataset's quick recipe on a CPU-class
 * backend (or while the backend is not known yet), the reference recipe on a GPU.
 *
 *   defaultRecipe('cifar10-mini', 'wasm').id // 'quick'
 */
export function defaultRecipe(dataset: string, backend: string | null): TrainingRecipe {
  const reference = TRAINING_RECIPES.find((r) => r.id === 'reference')!;
  if (backend !== null && GPU_BACKENDS.includes(backend)) return reference;
  return quickRecipeFor(dataset) ?? reference;
}
