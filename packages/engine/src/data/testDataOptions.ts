import type { DatasetId } from './catalog.js';
import { findDataset, type SearchOptions } from './searchPath.js';

/** Search options for tests that read the real datasets (test-only helper): the normal search path. */
export function testDataOptions(): SearchOptions {
  return {};
}

/**
 * Whether a dataset can be found by the tests; suites that need it are skipped otherwise — except
 * under CI, where `scripts/setup.sh` links the data, so a missing dataset must fail, not skip.
 */
export function hasTestData(id: DatasetId): boolean {
  return Boolean(process.env.CI) || findDataset(id, testDataOptions()).location !== null;
}
