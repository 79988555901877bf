import { describe, expect, it } from 'vitest';
import { quickRecipeFor, recipeFor } from './recipe.js';

describe('the Fashion-MNIST quick recipe', () => {
  it('is for the fixed subset fashion-mnist-mini only', () => {
    expect(recipeFor('quick-fashion-mnist', 'fashion-mnist-mini')).toMatchObject({ architecture: 'small-cnn-flat', batchSize: 32, lr: 0.01, weightDecay: 0, augment: false, schedule: 'cosine' });
    expect(() => recipeFor('quick-fashion-mnist', 'fashion-mnist')).toThrow(
      /^recipe quick-fashion-mnist does not fit dataset fashion-mnist \(it is for fashion-mnist-mini\)$/,
    );
  });

  it('is the quick recipe a CPU starts from on fashion-mnist-mini; the full set has none', () => {
    expect(quickRecipeFor('fashion-mnist-mini')?.id).toBe('quick-fashion-mnist');
    expect(quickRecipeFor('fashion-mnist')).toBeNull();
  });
});
