// Pure metric functions (metrics.md): numbers and typed arrays in, numbers and plain objects out.
export { argmaxRows } from './argmaxRows.js';
export { type AttackCurveName, type AttackCurves, type AttackGrids, ATTACK_CURVES, DEFAULT_ATTACK_GRIDS, attackCurves } from './attackCurves.js';
export { type AttackGrid, CONFIDENCE_GRID, ENTROPY_GRID, gridThresholds } from './attackGrid.js';
export { attackScore } from './attackScore.js';
export { type AttackValues, attackValues } from './attackValues.js';
export { CIFAR10_REFERENCE_SAMPLE } from './cifar10ReferenceSample.js';
export { ckaBatchRanges } from './ckaBatchRanges.js';
export { ckaDiagonal } from './ckaDiagonal.js';
export { type GramBatch, ckaFromGrams } from './ckaFromGrams.js';
export { type CkaSampling, CKA_SAMPLING, ckaSamples } from './ckaSamples.js';
export { classAccuracy } from './classAccuracy.js';
export { confidenceDistribution } from './confidenceDistribution.js';
export { confusionMatrix } from './confusionMatrix.js';
export {
  type EmbeddingSample,
  EMBEDDING_SAMPLE_PER_CLASS,
  EMBEDDING_SAMPLE_SEED,
  embeddingSample,
  seededEmbeddingSample,
} from './embeddingSample.js';
export { type KnnGraph, exactKnn } from './exactKnn.js';
export { type FeatureMatrix, featureMatrix } from './featureMatrix.js';
export { hsic1 } from './hsic1.js';
export { labelDistribution } from './labelDistribution.js';
export { linearCka } from './linearCka.js';
export { linearCkaDirect } from './linearCkaDirect.js';
export { type MergedCurve, mergedCurve } from './mergedCurve.js';
export { pcaInit } from './pcaInit.js';
export { pointProbabilities } from './pointProbabilities.js';
export { type PredictionMatrices, predictionMatrices } from './predictionMatrices.js';
export { type WorstCase, privacyScore } from './privacyScore.js';
export { round } from './round.js';
export { roundCurves } from './roundCurves.js';
export { softmaxRow } from './softmaxRow.js';
export { type ThresholdCurve, thresholdCurve } from './thresholdCurve.js';
export { type UmapOptions, type UmapParams, UMAP_PARAMS, umapEmbedding } from './umapEmbedding.js';
export { type UnlearningAccuracies, unlearningAccuracies } from './unlearningAccuracies.js';
