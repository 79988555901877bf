import { describe, expect, it } from 'vitest';
import { resolveTrainConfig } from './trainConfig.js';

describe('resolveTrainConfig with a recipe', () => {
  it('takes the recipe values for everything unset, and names the recipe', () => {
    const c = resolveTrainConfig({ dataset: 'cifar10-mini', architecture: 'small-cnn', recipe: 'quick' }, 10);
    expect(c).toMatchObject({ recipe: 'quick', epochs: 15, batchSize: 32, lr: 0.05, weightDecay: 0, nesterov: true, augment: false, schedule: { kind: 'cosine', etaMin: 0 }, seed: 2048 });
  });

  it('lets explicit values override the recipe, which is still named', () => {
    const c = resolveTrainConfig({ dataset: 'cifar10-mini', architecture: 'small-cnn', recipe: 'quick', epochs: 2, augment: true }, 10);
    expect(c).toMatchObject({ recipe: 'quick', epochs: 2, augment: true, batchSize: 32 });
  });

  it('uses the reference values without a recipe, and names none', () => {
    const c = resolveTrainConfig({ dataset: 'cifar10-mini', architecture: 'small-cnn' }, 10);
    expect(c).toMatchObject({ recipe: null, epochs: 200, batchSize: 128, lr: 0.1, weightDecay: 5e-4, augment: true });
  });

  it('refuses an unknown recipe and one meant for another dataset, naming it', () => {
    expect(() => resolveTrainConfig({ dataset: 'cifar10-mini', architecture: 'small-cnn', recipe: 'fastest' }, 10)).toThrow(/^unknown recipe: fastest \(expected reference, cpu, quick, quick-fashion-mnist\)$/);
    expect(() => resolveTrainConfig({ dataset: 'fashion-mnist', architecture: 'small-cnn', recipe: 'quick' }, 10)).toThrow(
      /^recipe quick does not fit dataset fashion-mnist \(it is for cifar10-mini\)$/,
    );
  });
});
