import type { ResultHeadline } from '../api/types.js';

/** Whether the server holds this record's weights as a checkpoint (its `modelId`) it can hand out or build on. */
export const hasCheckpoint = (r: ResultHeadline) => r.weightsAvailable && /^[0-9a-f]{8}$/.test(r.modelId);
