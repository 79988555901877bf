import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Test data that is not in the repository (datasets, the reference-system fixtures) lives in the
 * shared folder beside the checkout. This is its one locator, for engine, server and browser tests
 * (`scripts/setup.sh` reads the same variable).
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** `$MU_SHARED_DIR`, else `../shared` relative to the checkout. */
export function sharedDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(repoRoot, env.MU_SHARED_DIR ?? path.join('..', 'shared'));
}

/** The complete reference-system result files of forget class `fc`, e.g. `…/upstream-results/0`. */
export function upstreamFixturesDir(fc = 0, env: NodeJS.ProcessEnv = process.env): string {
  return path.join(sharedDir(env), 'fixtures', 'upstream-results', String(fc));
}

export const hasUpstreamFixtures = (): boolean => existsSync(path.join(upstreamFixturesDir(), '0000.json'));

/** Whether `CI` is set to a true value (`.ci/run` exports `CI=true`). */
export function underCi(env: NodeJS.ProcessEnv = process.env): boolean {
  return ['1', 'true', 'yes'].includes((env.CI ?? '').toLowerCase());
}

/**
 * For `describe.skipIf(missingData(…))`: true (skip) when `present` is false on a developer's
 * machine; under CI a missing dataset or fixture is a failure, so this throws and the file fails.
 */
export function missingData(what: string, present: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  if (present) return false;
  const message = `${what} not found (set MU_SHARED_DIR or put the shared folder beside the checkout)`;
  if (underCi(env)) throw new Error(`${message}; under CI missing test data is a failure`);
  console.warn(`skipped: ${message}`);
  return true;
}
