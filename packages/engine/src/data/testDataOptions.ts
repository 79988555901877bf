import { existsSync } from 'node:fs';
import type { DatasetId } from './catalog.js';
import { dataSearchRoots, findDataset, type SearchOptions } from './searchPath.js';

// On this project's development machines the datasets live read-only in a shared folder; tests
// look there after the normal search path, so that they run without MU_DATA_PATH being set.
const sharedDatasets = '/work/shared/datasets';

/** Search options for tests that read the real datasets (test-only helper). */
export function testDataOptions(): SearchOptions {
  const roots = dataSearchRoots().map((r) => r.root);
  if (existsSync(sharedDatasets)) roots.push(sharedDatasets);
  return { roots };
}

/** Whether a dataset can be found by the tests; suites that need it are skipped otherwise. */
export function hasTestData(id: DatasetId): boolean {
  return findDataset(id, testDataOptions()).location !== null;
}
