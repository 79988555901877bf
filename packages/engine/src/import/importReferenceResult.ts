import { CKA_LAYERS, type ResultRecord, type Role, assertResult } from '@mu/schema';
import { CONFIDENCE_GRID, ENTROPY_GRID } from '../metrics/attackGrid.js';
import { CKA_SAMPLING } from '../metrics/ckaSamples.js';
import { UMAP_PARAMS } from '../metrics/umapEmbedding.js';
import { type ReferenceSchema, detectReferenceSchema } from './detectReferenceSchema.js';
import { referenceAttack } from './referenceAttack.js';
import { referenceCka } from './referenceCka.js';
import { referenceEmbedding } from './referenceEmbedding.js';
import { fieldError, int, isMissing, nums, numOrNull, obj, str, gtMatrix } from './referenceFields.js';
import { referenceMethod } from './referenceMethod.js';
import { REFERENCE_ORIGINAL_ID, referenceBaseId, referenceRecordId, referenceRetrainedId } from './referenceModelId.js';

export interface ImportOptions {
  /** Name of the file, kept in provenance. */
  fileName: string;
  /** When the import happens (ISO 8601 UTC); the caller's clock, so that imports are reproducible in tests. */
  importedAt: string;
  /** CIFAR-10 training labels in official order, to check the points of lists other than the registered one. */
  cifar10Labels?: ArrayLike<number>;
  /** Subset attack values of the class's Retrained model, to check the stored curves (rule 8). */
  retrainedSubset?: { entropy: readonly number[]; confidence: readonly number[] };
}

const CIFAR10_CLASSES = ['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck'];
const ROLES: Record<string, Role> = { Original: 'original', Retrained: 'retrained', Unlearned: 'unlearned' };
const PLACEHOLDER_TIMES = new Set(['1970-01-01 00:00:00', '1970-01-01 00:00:01']);

/** Keys each schema maps; anything else is kept verbatim in provenance.legacy. */
const MAPPED: Record<ReferenceSchema, string[]> = {
  'reference-current': ['CreatedAt', 'ID', 'FC', 'Type', 'Base', 'Method', 'Epoch', 'BS', 'LR', 'UA', 'RA', 'TUA', 'TRA', 'RTE', 'accs', 'label_dist', 'conf_dist', 't_accs', 't_label_dist', 't_conf_dist', 'cka', 'cka_retrain', 'points', 'attack', 'epoch_metrics', 'freeze_first_k', 'reinit_last_k'],
  'reference-2025': ['id', 'fc', 'phase', 'init', 'method', 'epochs', 'BS', 'LR', 'UA', 'RA', 'TUA', 'TRA', 'RTE', 'accs', 'label_dist', 'conf_dist', 't_accs', 't_label_dist', 't_conf_dist', 'cka', 'points'],
};

/**
 * Maps a parsed result file of the reference system, either schema, to our result record
 * (results-schema.md §4–§6). Throws a one-line error naming the first offending field.
 *
 *   importReferenceResult(JSON.parse(text), { fileName: '0000.json', importedAt: new Date().toISOString() })
 */
export function importReferenceResult(file: unknown, options: ImportOptions): ResultRecord {
  const schema = detectReferenceSchema(file);
  const f = obj('(root)', file);
  const current = schema === 'reference-current';
  const key = (currentKey: string, olderKey: string) => (current ? currentKey : olderKey);

  const fcValue = f[key('FC', 'fc')];
  if (isMissing(fcValue)) throw fieldError(key('FC', 'fc'), fcValue, 'a forget class: class-free evaluation is unsupported');
  const fc = int(key('FC', 'fc'), fcValue, 0, 9);
  const roleText = str(key('Type', 'phase'), f[key('Type', 'phase')]);
  const role = Object.hasOwn(ROLES, roleText) ? ROLES[roleText] : undefined;
  if (role === undefined) throw fieldError(key('Type', 'phase'), roleText, 'Original, Retrained or Unlearned');
  const legacyId = str(key('ID', 'id'), f[key('ID', 'id')]);
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(legacyId)) throw fieldError(key('ID', 'id'), legacyId, 'a short id of letters and digits');
  const methodText = str(key('Method', 'method'), f[key('Method', 'method')]);
  const id = referenceRecordId(fc, legacyId);
  const warnings: string[] = [];

  const hyperparameters: Record<string, number> = {};
  for (const [from, to] of [[key('Epoch', 'epochs'), 'epochs'], ['BS', 'batchSize'], ['LR', 'lr'], ['freeze_first_k', 'freezeFirstK'], ['reinit_last_k', 'reinitLastK']]) {
    const v = numOrNull(from, f[from] ?? null, 0);
    if (v !== null) hyperparameters[to] = v;
  }

  const points = referenceEmbedding(f.points, fc, options.cifar10Labels);
  if (!points.labelsChecked) warnings.push('point labels not checked against CIFAR-10 (labels not available at import)');
  // The Retrained file's curves compare it with itself: they are checked against its own values.
  const retrainedValues = role === 'retrained' ? 'self' : options.retrainedSubset;
  const hasAttack = current && f.attack !== undefined && !isMissing(f.attack);
  const attack = hasAttack ? referenceAttack(f.attack, points.forgetImages, retrainedValues) : null;
  if (attack !== null) warnings.push(...attack.warnings);

  const fqs = current ? numOrNull('FQS', f.FQS ?? null, 0, 1) : null;
  const [PS, psBasis] =
    fqs !== null ? [fqs, 'reference-mixed' as const]
    : attack?.subset.privacyScore != null ? [attack.subset.privacyScore, 'subset-200' as const]
    : [null, null];

  const rte = numOrNull('RTE', f.RTE ?? null, 0);
  if (rte !== null) warnings.push('RTE measured by the reference system on its GPU');
  const createdAt = current ? importedTime(f.CreatedAt, warnings) : null;

  const legacy: Record<string, unknown> = { [key('Method', 'method')]: methodText, [key('Type', 'phase')]: roleText };
  if (current) {
    if (f.PA !== undefined) legacy.PA = f.PA;
    if (f.FQS !== undefined) legacy.FQS = f.FQS;
  }
  for (const [k, v] of Object.entries(f)) if (!MAPPED[schema].includes(k) && !(k in legacy)) legacy[k] = v;

  const epochMetrics = current && f.epoch_metrics !== undefined && !isMissing(f.epoch_metrics) ? importEpochMetrics(f.epoch_metrics, legacy) : null;

  const record: ResultRecord = {
    schemaVersion: 1,
    id,
    modelId: role === 'original' ? REFERENCE_ORIGINAL_ID : id,
    role,
    label: null,
    createdAt,
    references: { originalModelId: REFERENCE_ORIGINAL_ID, retrainedModelId: referenceRetrainedId(fc) },
    config: {
      dataset: { id: 'cifar10', version: null, checksum: null, numClasses: 10, classNames: CIFAR10_CLASSES },
      architecture: { id: 'resnet18', width: 64, inputChannels: 3, paramCount: 11_173_962 },
      scenario: 'class',
      forgetClass: fc,
      method: referenceMethod(methodText, role),
      hyperparameters,
      seed: 2048,
      baseModelId: referenceBaseId(str(key('Base', 'init'), f[key('Base', 'init')] ?? 'N/A'), fc),
      recipe: role === 'unlearned' ? null : 'reference',
      environment: { backend: 'pytorch-reference', tfjsVersion: null, device: null, threads: null, appVersion: null, commit: null },
      evaluation: {
        embedding: {
          sampleId: points.embedding.sampleId,
          featureLayer: 'avgpool',
          featureDim: 512,
          // The reference system never passed its intended seed, hence null.
          umap: { nNeighbors: UMAP_PARAMS.nNeighbors, minDist: UMAP_PARAMS.minDist, spread: UMAP_PARAMS.spread, init: 'pca', nEpochs: UMAP_PARAMS.nEpochs, metric: 'euclidean', seed: null },
        },
        attack: { entropyTemperature: 2, confidenceTemperature: 1, entropyGrid: { ...ENTROPY_GRID }, confidenceGrid: { ...CONFIDENCE_GRID }, delta: 1e-5 },
        cka: { layers: [...CKA_LAYERS], samples: structuredClone({ train: CKA_SAMPLING.reference.train, test: CKA_SAMPLING.reference.test }), batchSize: CKA_SAMPLING.reference.batchSize, selection: 'first-n' },
      },
    },
    metrics: {
      UA: numOrNull('UA', f.UA, 0, 1),
      RA: numOrNull('RA', f.RA, 0, 1),
      TUA: numOrNull('TUA', f.TUA, 0, 1),
      TRA: numOrNull('TRA', f.TRA, 0, 1),
      PS,
      psBasis,
      RTE: rte,
    },
    accuracy: { train: nums('accs', f.accs, 10, 0, 1), test: nums('t_accs', f.t_accs, 10, 0, 1) },
    predictions: {
      train: { confusion: null, labelDist: gtMatrix('label_dist', f.label_dist, 10), confDist: gtMatrix('conf_dist', f.conf_dist, 10) },
      test: { confusion: null, labelDist: gtMatrix('t_label_dist', f.t_label_dist, 10), confDist: gtMatrix('t_conf_dist', f.t_conf_dist, 10) },
    },
    embedding: points.embedding,
    attack: attack === null ? null : { subset: attack.subset, full: null },
    cka: {
      layers: [...CKA_LAYERS],
      vsOriginal: referenceCka('cka', f.cka, REFERENCE_ORIGINAL_ID),
      vsRetrained: current ? referenceCka('cka_retrain', f.cka_retrain, referenceRetrainedId(fc)) : null,
    },
    timings: { prepare: null, evaluate: null, embedding: null, attack: null, cka: null, total: null },
    history: [],
    epochMetrics,
    weights: { available: false, format: null, bytes: null },
    provenance: {
      source: 'import',
      importedFrom: { schema, legacyId, fileName: options.fileName, importedAt: options.importedAt },
      reproducible: false,
      legacy,
    },
    warnings,
  };
  return assertResult(record);
}

/** `CreatedAt` (server local time, no zone) read as UTC; the two placeholders become null. */
function importedTime(value: unknown, warnings: string[]): string | null {
  if (value === undefined || isMissing(value)) return null;
  const text = str('CreatedAt', value);
  if (PLACEHOLDER_TIMES.has(text)) return null;
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/.exec(text);
  if (m === null || Number.isNaN(Date.parse(`${m[1]}T${m[2]}Z`))) throw fieldError('CreatedAt', text, '"YYYY-MM-DD HH:MM:SS"');
  warnings.push('CreatedAt read as UTC (the reference system wrote server local time)');
  return `${m[1]}T${m[2]}Z`;
}

function importEpochMetrics(value: unknown, legacy: Record<string, unknown>): ResultRecord['epochMetrics'] {
  const o = obj('epoch_metrics', value);
  const series = (k: string) => {
    if (o[k] === undefined) return [];
    const a = o[k];
    if (!Array.isArray(a)) throw fieldError(`epoch_metrics.${k}`, a, 'an array');
    return a.map((v, i) => numOrNull(`epoch_metrics.${k}[${i}]`, v));
  };
  const extra = Object.fromEntries(Object.entries(o).filter(([k]) => !['UA', 'RA', 'TUA', 'TRA', 'PS'].includes(k)));
  if (Object.keys(extra).length > 0) legacy.epoch_metrics = extra;
  return { UA: series('UA'), RA: series('RA'), TUA: series('TUA'), TRA: series('TRA'), PS: series('PS') };
}
