/** Unlearning methods: the contract, the registry, the built-ins and the loop they share (methods.md §5, §6). */
export * from './types.js';
export * from './frozenModel.js';
export * from './trainingOps.js';
export * from './unlearnContext.js';
export * from './resolveParams.js';
export * from './paramsFromText.js';
export * from './validateDescriptor.js';
export * from './standardParams.js';
export * from './registry.js';
export * from './builtInMethods.js';
export * from './trainEpochs.js';
export * from './crossEntropyPhase.js';
export * from './randomLabels.js';
export * from './mixSources.js';
export * from './inferenceGradients.js';
export * from './saliencyMask.js';
export * from './fisherDiagonal.js';
