// The result contract shared by engine, server and web app (results-schema.md).
export * from './attack.js';
export * from './cka.js';
export * from './common.js';
export * from './config.js';
export * from './embedding.js';
export * from './provenance.js';
export * from './recipe.js';
export * from './legacyPreset.js';
export * from './result.js';
export * from './validateResult.js';
export * from './jsonSchemaFiles.js';
export * from './method.js';
export * from './meanSd.js';
