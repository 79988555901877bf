import { describe, expect, it } from 'vitest';
import { exampleResult } from '../test/exampleResult.js';
import { recipeOfPreset, upgradeLegacyPreset } from './legacyPreset.js';
import { validateResult } from './validateResult.js';

/** A record as stored before recipes: `config.preset` in place of `config.recipe`. */
function legacyRecord(preset: unknown): unknown {
  const { recipe: _recipe, ...config } = exampleResult().config;
  return { ...exampleResult(), config: { ...config, preset } };
}

describe('recipeOfPreset', () => {
  it('maps the old presets to the recipes of the same values, and smoke or unknown values to null', () => {
    expect(recipeOfPreset('reference')).toBe('reference');
    expect(recipeOfPreset('cpu')).toBe('cpu');
    expect(recipeOfPreset('smoke')).toBeNull();
    expect(recipeOfPreset(null)).toBeNull();
    expect(recipeOfPreset('toString')).toBeNull();
  });
});

describe('upgradeLegacyPreset', () => {
  it('turns a record stored with config.preset into one that passes the current schema', () => {
    expect(validateResult(legacyRecord('cpu')).ok).toBe(false);
    for (const [preset, recipe] of [['reference', 'reference'], ['cpu', 'cpu'], ['smoke', null], [null, null]]) {
      const upgraded = upgradeLegacyPreset(legacyRecord(preset)) as ReturnType<typeof exampleResult>;
      expect(validateResult(upgraded).ok).toBe(true);
      expect(upgraded.config.recipe).toBe(recipe);
      expect('preset' in upgraded.config).toBe(false);
    }
  });

  it('keeps a recipe already there, and leaves current records and non-records unchanged', () => {
    const both = { config: { preset: 'cpu', recipe: 'quick' } };
    expect(upgradeLegacyPreset(both)).toEqual({ config: { recipe: 'quick' } });
    const current = exampleResult();
    expect(upgradeLegacyPreset(current)).toBe(current);
    expect(upgradeLegacyPreset(null)).toBeNull();
    expect(upgradeLegacyPreset('text')).toBe('text');
  });
});
