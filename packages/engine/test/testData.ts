import type { DatasetId } from '../src/data/catalog.js';
import { findDataset } from '../src/data/searchPath.js';
import { missingData } from '../../../test-support/sharedData.js';

/** For `describe.skipIf`: the dataset is not on the search path (skip locally, fail under CI). */
export const datasetMissing = (id: DatasetId): boolean => missingData(`dataset ${id}`, findDataset(id).location !== null);
