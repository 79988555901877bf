import type { ResultRecord } from '../src/index.js';

const grid = (n: number, f: (i: number) => number) => Array.from({ length: n }, (_, i) => f(i));
const curve = () => ({ fpr: grid(51, (i) => (i === 0 ? 1 : 0.5)), fnr: grid(51, (i) => (i === 0 ? 0 : 0.25)), score: grid(51, (i) => (i === 0 ? 0 : 0.12)) });
const diagonal = () => [1, 0.99, 0.98, 0.97, 0.95, 0.9, 0.8, 0.5, 0.4, 0.3];

/** A small, hand-built record: 3 classes, forget class 0, 6 embedding points, 2 subset images. */
export function exampleResult(): ResultRecord {
  return {
    schemaVersion: 1,
    id: '1a2b3c4d',
    modelId: '1a2b3c4d',
    role: 'unlearned',
    label: null,
    createdAt: '2026-01-31T12:00:00.000Z',
    references: { originalModelId: '0f0f0f0f', retrainedModelId: 'aaaa0000' },
    config: {
      dataset: { id: 'toy', version: '1', checksum: 'sha256:00ff', numClasses: 3, classNames: ['a', 'b', 'c'] },
      architecture: { id: 'resnet18-w8', width: 8, inputChannels: 3, paramCount: 176402 },
      scenario: 'class',
      forgetClass: 0,
      method: { id: 'ft', label: 'Fine-Tuning', version: '1' },
      hyperparameters: { epochs: 2, lr: 0.01, batchSize: 64, momentum: 0.9, nesterov: false, schedule: 'constant' },
      seed: 2048,
      baseModelId: '0f0f0f0f',
      recipe: 'quick',
      environment: { backend: 'wasm', tfjsVersion: '4.22.0', device: 'cpu', threads: 2, appVersion: '0.1.0', commit: 'abc1234' },
      evaluation: {
        embedding: {
          sampleId: 'toy/seeded-2048-200',
          featureLayer: 'avgpool',
          featureDim: 64,
          umap: { nNeighbors: 9, minDist: 0.45, spread: 1, init: 'pca', nEpochs: 500, metric: 'euclidean', seed: 42 },
        },
        attack: {
          entropyTemperature: 2,
          confidenceTemperature: 1,
          entropyGrid: { lo: 0, step: 0.05, count: 51 },
          confidenceGrid: { lo: -2.5, step: 0.25, count: 51 },
          delta: 1e-5,
        },
        cka: {
          layers: ['conv1', 'layer1.0', 'layer1.1', 'layer2.0', 'layer2.1', 'layer3.0', 'layer3.1', 'layer4.0', 'layer4.1', 'fc'],
          samples: { train: { forget: 200, other: 800 }, test: { forget: 200, other: 800 } },
          batchSize: 200,
          selection: 'first-n',
        },
      },
    },
    metrics: { UA: 0.2, RA: 0.85, TUA: 0.1, TRA: 0.8, PS: 0.88, psBasis: 'full', RTE: 12.345 },
    accuracy: { train: [0.2, 0.9, 0.8], test: [0.1, 0.7, 0.9] },
    predictions: {
      train: {
        confusion: [[2, 5, 3], [1, 9, 0], [2, 0, 8]],
        labelDist: [[0.2, 0.5, 0.3], [0.1, 0.9, 0], [0.2, 0, 0.8]],
        confDist: [[0.3, 0.4, 0.3], [0.1, 0.8, 0.1], [0.2, 0.1, 0.7]],
      },
      test: {
        confusion: null,
        labelDist: [[0.1, 0.6, 0.3], [0.2, 0.7, 0.1], [0.1, 0, 0.9]],
        confDist: [[0.2, 0.5, 0.3], [0.2, 0.7, 0.1], [0.1, 0.1, 0.8]],
      },
    },
    embedding: {
      sampleId: 'toy/seeded-2048-200',
      indices: null,
      trueClass: null,
      pred: [1, 0, 1, 1, 2, 2],
      x: [1.5, -2.25, 3, 4.1, -5.5, 0],
      y: [0.5, 0.25, -3, 1.1, 2.5, 9.99],
      probs: [[300, 600, 100], [500, 300, 200], [100, 800, 100], [0, 1000, 0], [100, 100, 800], [333, 333, 334]],
      probTemperature: 2,
      deterministic: true,
    },
    attack: {
      subset: {
        count: 2,
        entropy: [0.98, 1.02],
        confidence: [1.31, -0.5],
        curves: { entropyAboveUnlearn: curve(), entropyAboveRetrain: curve(), confidenceAboveUnlearn: curve(), confidenceAboveRetrain: curve() },
        worstCase: { metric: 'entropy', positives: 'unlearn', index: 1, threshold: 0.05, score: 0.12, fpr: 0.5, fnr: 0.25 },
        privacyScore: 0.88,
      },
      full: null,
    },
    cka: {
      layers: ['conv1', 'layer1.0', 'layer1.1', 'layer2.0', 'layer2.1', 'layer3.0', 'layer3.1', 'layer4.0', 'layer4.1', 'fc'],
      vsOriginal: { referenceModelId: '0f0f0f0f', train: { forget: diagonal(), other: diagonal() }, test: { forget: diagonal(), other: diagonal() } },
      vsRetrained: null,
    },
    timings: { prepare: 0.5, evaluate: 3.25, embedding: 4.8, attack: 0.1, cka: 2, total: 10.65 },
    history: [
      { epoch: 0, lr: 0.01, loss: 1.25, forgetAccuracy: 0.6, seconds: 6.1 },
      { epoch: 1, lr: 0.01, loss: 0.75, forgetAccuracy: null, seconds: 12.345 },
    ],
    epochMetrics: null,
    weights: { available: true, format: 'tfjs', bytes: 720000 },
    provenance: { source: 'engine', importedFrom: null, reproducible: true, legacy: {} },
    warnings: ['no Retrained model: attack curves and PS pending'],
  };
}
