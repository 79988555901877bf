import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingData, sharedDir, underCi, upstreamFixturesDir } from './sharedData.js';

describe('shared test data', () => {
  it('is ../shared beside the checkout unless MU_SHARED_DIR names another folder', () => {
    const root = path.resolve(import.meta.dirname, '..');
    expect(sharedDir({})).toBe(path.resolve(root, '..', 'shared'));
    expect(sharedDir({ MU_SHARED_DIR: '/data/shared' })).toBe(path.resolve('/data/shared'));
    expect(upstreamFixturesDir(3, { MU_SHARED_DIR: '/data/shared' })).toBe(path.resolve('/data/shared/fixtures/upstream-results/3'));
  });

  it('skips a suite whose data is missing locally, and fails it under CI', () => {
    expect(missingData('x', true, { CI: 'true' })).toBe(false);
    expect(missingData('cifar10', false, {})).toBe(true);
    expect(missingData('cifar10', false, { CI: 'false' })).toBe(true);
    expect(() => missingData('cifar10', false, { CI: 'true' })).toThrow('cifar10 not found (set MU_SHARED_DIR or put the shared folder beside the checkout); under CI missing test data is a failure');
    expect(underCi({ CI: '1' })).toBe(true);
    expect(underCi({ CI: '' })).toBe(false);
  });
});
