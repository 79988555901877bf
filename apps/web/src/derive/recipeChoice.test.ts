import { describe, expect, it } from 'vitest';
import { defaultRecipe, recipesFor } from './recipeChoice.js';

describe('recipe choice', () => {
  it('starts from the quick recipe of the dataset on CPU-class backends', () => {
    expect(defaultRecipe('cifar10-mini', 'wasm').id).toBe('quick');
    expect(defaultRecipe('cifar10-mini', 'cpu').id).toBe('quick');
    expect(defaultRecipe('cifar10-mini', null).id).toBe('quick');
    expect(defaultRecipe('fashion-mnist', 'tensorflow').id).toBe('quick-fashion-mnist');
  });

  it('starts from the reference recipe on a GPU, or where no quick recipe fits the dataset', () => {
    expect(defaultRecipe('cifar10-mini', 'tensorflow-gpu').id).toBe('reference');
    expect(defaultRecipe('cifar10', 'wasm').id).toBe('reference');
  });

  it('offers only the recipes meant for the dataset', () => {
    expect(recipesFor('cifar10-mini').map((r) => r.id)).toEqual(['reference', 'cpu', 'quick']);
    expect(recipesFor('fashion-mnist').map((r) => r.id)).toEqual(['reference', 'quick-fashion-mnist']);
  });
});
