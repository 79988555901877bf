// Import of the reference system's result files (results-schema.md §4–§6).
export { type ReferenceSchema, detectReferenceSchema } from './detectReferenceSchema.js';
export { type ImportOptions, importReferenceResult } from './importReferenceResult.js';
export { parseReferenceFile } from './parseReferenceFile.js';
export { type ReferenceAttack, referenceAttack } from './referenceAttack.js';
export { referenceCka } from './referenceCka.js';
export { type ReferenceEmbedding, referenceEmbedding } from './referenceEmbedding.js';
export { referenceMethod } from './referenceMethod.js';
export { REFERENCE_ORIGINAL_ID, referenceBaseId, referenceRecordId, referenceRetrainedId } from './referenceModelId.js';
