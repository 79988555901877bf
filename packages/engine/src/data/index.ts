/** The dataset layer: catalog, search path, readers, splits, augmentation and data sources. */
export * from './catalog.js';
export * from './searchPath.js';
export * from './repoRoot.js';
export * from './imageSet.js';
export * from './readDataFile.js';
export * from './readCifar10.js';
export * from './readIdx.js';
export * from './loadDataset.js';
export * from './classSplit.js';
export * from './firstPerClass.js';
export * from './normalizationTable.js';
export * from './augmentation.js';
export * from './assembleBatch.js';
export * from './dataSource.js';
export * from './readTar.js';
export * from './fetchCifar10.js';
