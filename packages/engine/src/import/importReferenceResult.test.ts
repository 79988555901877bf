import { validateResult } from '@mu/schema';
import { describe, expect, it } from 'vitest';
import { sharedUpstreamFixture, sharedUpstreamText, upstreamFixturesMissing } from '../../test/fixtures/upstreamResults.js';
import { attackCurves } from '../metrics/attackCurves.js';
import { gridThresholds, CONFIDENCE_GRID, ENTROPY_GRID } from '../metrics/attackGrid.js';
import { CIFAR10_REFERENCE_SAMPLE } from '../metrics/cifar10ReferenceSample.js';
import { roundCurves } from '../metrics/roundCurves.js';
import { createRng } from '../random.js';
import { detectReferenceSchema } from './detectReferenceSchema.js';
import { importReferenceResult } from './importReferenceResult.js';
import { parseReferenceFile } from './parseReferenceFile.js';
import { referenceBaseId } from './referenceModelId.js';

const importedAt = '2026-01-31T12:00:00Z';
const LAYERS = ['conv1', 'layer1.0', 'layer1.1', 'layer2.0', 'layer2.1', 'layer3.0', 'layer3.1', 'layer4.0', 'layer4.1', 'fc'];
const REF_KEYS = { entropyAboveUnlearn: 'entropy_above_unlearn', entropyAboveRetrain: 'entropy_above_retrain', confidenceAboveUnlearn: 'confidence_above_unlearn', confidenceAboveRetrain: 'confidence_above_retrain' } as const;

const gt = () => Object.fromEntries(Array.from({ length: 10 }, (_, c) => [`gt_${c}`, Array.from({ length: 10 }, (_, k) => (k === c ? 0.9 : 0.1 / 9))]));
const ckaMatrix = (v: number) => Array.from({ length: 10 }, (_, i) => Array.from({ length: 10 }, (_, j) => (i === j ? v : 0.5)));
const cka = (v: number) => ({ layers: LAYERS, train: { forget_class: ckaMatrix(v), other_classes: ckaMatrix(1) }, test: { forget_class: ckaMatrix(v), other_classes: ckaMatrix(1) } });

/** A current-schema file of an unseen unlearned model, fc 3, on the registered list. */
function currentFile(): any {
  const fc = 3;
  const rng = createRng(5);
  const points = CIFAR10_REFERENCE_SAMPLE.map((img, k) => {
    const c = Math.floor(k / 200);
    return [c, (c + (k % 7 === 0 ? 1 : 0)) % 10, img, c === fc ? 1 : 0, rng.normal() * 5, rng.normal() * 5, { [String(c)]: 0.9, [String((c + 1) % 10)]: 0.0995 }];
  });
  const forget = points.filter((p) => p[3] === 1).map((p) => p[2] as number);
  const values = forget.map((img) => ({ img, entropy: Math.round(rng.uniform() * 230) / 100, confidence: Math.round((rng.uniform() * 12 - 2) * 100) / 100 }));
  const retrained = { entropy: values.map((v) => Math.round(Math.min(2.3, v.entropy + 0.3) * 100) / 100), confidence: values.map((v) => v.confidence - 1) };
  const curves = roundCurves(attackCurves({ entropy: values.map((v) => v.entropy), confidence: values.map((v) => v.confidence) }, retrained));
  const results = Object.fromEntries(
    Object.entries(REF_KEYS).map(([name, key]) => {
      const c = curves[name as keyof typeof REF_KEYS];
      const t = gridThresholds(name.startsWith('entropy') ? ENTROPY_GRID : CONFIDENCE_GRID);
      return [key, t.map((th, i) => ({ threshold: Math.round(th * 1000) / 1000, fpr: c.fpr[i], fnr: c.fnr[i], attack_score: c.score[i] }))];
    }),
  );
  const file = {
    CreatedAt: '2025-03-04 05:06:07', ID: '9f1c', FC: fc, Type: 'Unlearned', Base: '0003', Method: 'GA+SL+FT V2',
    Epoch: 4, BS: 64, LR: 0.005, UA: 0.125, RA: 0.9, TUA: 'N/A', TRA: 0.85, RTE: 'NaN', FQS: 0.412,
    accs: [0.9, 0.9, 0.9, 0.125, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9], label_dist: gt(), conf_dist: gt(),
    t_accs: [0.8, 0.8, 0.8, 0.1, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8], t_label_dist: gt(), t_conf_dist: gt(),
    cka: cka(0.75), cka_retrain: null, points, attack: { values, results },
    epoch_metrics: { UA: [1, 0.5, 0.125], RA: [1, 0.95, 0.9], TUA: [1, 'N/A', 0.1], TRA: [0.95, 0.9, 0.85], PS: [0.3, 0.35, 0.412], 'C-MIA': [0.1, 0.2, 0.3], 'E-MIA': [0.2, 0.2, 0.2] },
    freeze_first_k: 2, reinit_last_k: 1, note: 'kept verbatim',
  };
  return { file, retrained };
}

/** An older-schema file of an unseen model with a random (unregistered) list. */
function olderFile(): any {
  const rng = createRng(6);
  const labels = Array.from({ length: 50_000 }, (_, i) => (i * 7919) % 10);
  const imgs = rng.shuffle(Array.from({ length: 50_000 }, (_, i) => i)).slice(0, 2000);
  const points = imgs.map((img) => [labels[img], labels[img], img, labels[img] === 1 ? 1 : 0, 1.234, -5.678, { '0': 0.1, '1': 0.2, '2': 0.7 }]);
  const file = {
    id: '77ab', fc: 1, phase: 'Unlearned', init: '0001', method: 'Random-Labeling', epochs: 3, BS: 32, LR: 0.0001,
    UA: 0, RA: 1, TUA: 0, TRA: 0.955, RTE: 67.3,
    accs: new Array(10).fill(0.5), label_dist: gt(), conf_dist: gt(), t_accs: new Array(10).fill(0.5), t_label_dist: gt(), t_conf_dist: gt(),
    cka: cka(0.6), points,
  };
  return { file, labels };
}

describe('importReferenceResult on unseen files', () => {
  it('maps a current-schema file field by field', () => {
    const { file, retrained } = currentFile();
    const r = importReferenceResult(file, { fileName: '9f1c.json', importedAt, retrainedSubset: retrained });
    expect(validateResult(r).ok).toBe(true);
    expect(r).toMatchObject({
      id: 'ref3-9f1c', modelId: 'ref3-9f1c', role: 'unlearned', createdAt: '2025-03-04T05:06:07Z',
      references: { originalModelId: 'ref-original', retrainedModelId: 'ref3-a003' },
      metrics: { UA: 0.125, RA: 0.9, TUA: null, TRA: 0.85, PS: 0.412, psBasis: 'reference-mixed', RTE: null },
      accuracy: { train: file.accs, test: file.t_accs },
      epochMetrics: { UA: [1, 0.5, 0.125], TUA: [1, null, 0.1], PS: [0.3, 0.35, 0.412] },
      provenance: { source: 'import', reproducible: false, importedFrom: { schema: 'reference-current', legacyId: '9f1c', fileName: '9f1c.json', importedAt } },
    });
    expect(r.config).toMatchObject({
      forgetClass: 3, scenario: 'class', seed: 2048, baseModelId: 'ref-original', recipe: null,
      method: { id: 'ref-ga-sl-ft-v2', label: 'GA+SL+FT V2', version: 'reference' },
      hyperparameters: { epochs: 4, batchSize: 64, lr: 0.005, freezeFirstK: 2, reinitLastK: 1 },
      dataset: { id: 'cifar10', numClasses: 10 }, architecture: { id: 'resnet18', width: 64 },
      environment: { backend: 'pytorch-reference' },
      evaluation: { cka: { samples: { train: { forget: 500, other: 4500 }, test: { forget: 500, other: 4500 } }, batchSize: 1000, selection: 'first-n' } },
    });
    expect(r.provenance.legacy).toEqual({ Method: 'GA+SL+FT V2', Type: 'Unlearned', FQS: 0.412, note: 'kept verbatim', epoch_metrics: { 'C-MIA': [0.1, 0.2, 0.3], 'E-MIA': [0.2, 0.2, 0.2] } });
    expect(r.warnings).toEqual(['CreatedAt read as UTC (the reference system wrote server local time)']);
    expect(r.predictions.train.labelDist[2]).toEqual(file.label_dist.gt_2);
    expect(r.predictions.test.confusion).toBeNull();
    expect(r.embedding).toMatchObject({ sampleId: 'cifar10/reference-2000', indices: null, trueClass: null, probTemperature: 2, deterministic: false });
    expect(r.embedding.probs[0]).toEqual([900, 100, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(r.embedding.x[5]).toBe(file.points[5][4]);
    expect(r.embedding.pred[7]).toBe(file.points[7][1]);
    expect(r.attack?.subset.count).toBe(200);
    expect(r.attack?.subset.entropy).toEqual(file.attack.values.map((v: any) => v.entropy));
    expect(r.attack?.full).toBeNull();
    expect(r.attack?.subset.curves?.confidenceAboveRetrain.score).toEqual(file.attack.results.confidence_above_retrain.map((e: any) => e.attack_score));
    expect(r.cka.vsOriginal?.train.forget).toEqual(new Array(10).fill(0.75));
    expect(r.cka.vsRetrained).toBeNull();
  });

  it('warns when the stored curves differ from those recomputed with the Retrained values', () => {
    const { file, retrained } = currentFile();
    file.attack.results.entropy_above_retrain[10].attack_score = 0.999;
    const r = importReferenceResult(file, { fileName: 'x.json', importedAt, retrainedSubset: retrained });
    expect(r.warnings).toContain('stored attack curves differ from the recomputed ones: entropy_above_retrain');
    expect(r.attack?.subset.privacyScore).toBe(0.001);
  });

  it('says so when the curves could not be checked: no Retrained record of the class', () => {
    const { file } = currentFile();
    const r = importReferenceResult(file, { fileName: 'x.json', importedAt });
    expect(r.warnings).toContain('attack curves not checked: no Retrained record of this class imported');
    expect(r.attack?.subset.privacyScore).not.toBeNull();
  });

  it('maps an older-schema file with its own sample, checking labels when they are given', () => {
    const { file, labels } = olderFile();
    const r = importReferenceResult(file, { fileName: '77ab.json', importedAt, cifar10Labels: labels });
    expect(r).toMatchObject({ id: 'ref1-77ab', role: 'unlearned', createdAt: null, attack: null, metrics: { PS: null, psBasis: null, RTE: 67.3 } });
    expect(r.config.method.id).toBe('rl');
    expect(r.config.baseModelId).toBe('ref-original');
    expect(r.embedding.sampleId).toMatch(/^import:[0-9a-f]{12}$/);
    expect(r.embedding.indices).toEqual(file.points.map((p: any) => p[2]));
    expect(r.embedding.trueClass).toEqual(file.points.map((p: any) => p[0]));
    expect(r.embedding.probs[0]).toEqual([100, 200, 700, 0, 0, 0, 0, 0, 0, 0]);
    expect(r.warnings).toEqual(['RTE measured by the reference system on its GPU']);
    expect(validateResult(r).ok).toBe(true);
  });

  it('rejects bad files with one line naming the field and the value', () => {
    const bad = (edit: (f: any) => void, labels?: number[]) => {
      const { file } = currentFile();
      edit(file);
      return () => importReferenceResult(file, { fileName: 'x.json', importedAt, cifar10Labels: labels });
    };
    expect(bad((f) => (f.Type = 'Pretrained'))).toThrow('invalid reference field Type: "Pretrained" (expected Original, Retrained or Unlearned)');
    expect(bad((f) => (f.FC = 'N/A'))).toThrow('invalid reference field FC: "N/A" (expected a forget class: class-free evaluation is unsupported)');
    expect(bad((f) => (f.Method = 'Magic'))).toThrow(/^unknown reference method: "Magic" for role unlearned/);
    expect(bad((f) => (f.UA = 1.5))).toThrow('invalid reference field UA: 1.5 (expected a number in [0, 1])');
    expect(bad((f) => (f.points[4][0] = 3))).toThrow('points do not match CIFAR-10: points[4] has forget 0 but gt 3 with FC 3');
    expect(bad((f) => (f.points[4][0] = 1))).toThrow('points do not match CIFAR-10: points[4] has gt 1 but image 38772 is class 0');
    expect(bad((f) => (f.points[9][6] = { '12': 0.5 }))).toThrow('invalid reference field points[9][6] key: "12" (expected a class "0" … "9")');
    expect(bad((f) => (f.attack.values[3].img = 1))).toThrow(/^invalid reference field attack.values\[3\].img: 1 \(expected \d+, the image of forget point 3\)$/);
    expect(bad((f) => f.attack.results.entropy_above_unlearn.pop())).toThrow(/^invalid reference field attack.results.entropy_above_unlearn: .* \(expected an array of 51\)$/);
    expect(bad((f) => (f.cka.layers[9] = 'linear'))).toThrow('invalid reference field cka.layers[9]: "linear" (expected "fc")');
    expect(bad((f) => delete f.t_conf_dist.gt_9)).toThrow('invalid reference field t_conf_dist.gt_9: missing (expected an array of 10)');
    expect(bad((f) => (f.CreatedAt = 'yesterday'))).toThrow('invalid reference field CreatedAt: "yesterday" (expected "YYYY-MM-DD HH:MM:SS")');
    const { file, labels } = olderFile();
    file.points[0][0] = (file.points[0][0] + 1) % 10;
    file.points[0][3] = file.points[0][0] === 1 ? 1 : 0;
    expect(() => importReferenceResult(file, { fileName: 'y.json', importedAt, cifar10Labels: labels })).toThrow(/^points do not match CIFAR-10: points\[0\] has gt/);
  });

  it('prefixes the file name and rejects files that are not reference results', () => {
    const opts = { fileName: 'bad.json', importedAt };
    expect(() => parseReferenceFile('{"foo": 1}', opts)).toThrow('bad.json: not a reference result file: no ID or id field');
    expect(() => parseReferenceFile('[1, 2', opts)).toThrow(/^bad\.json: not a reference result file: invalid JSON \(.+\)$/);
    expect(() => parseReferenceFile('<script>alert(1)</script>', opts)).toThrow(/^bad\.json: not a reference result file: invalid JSON \(Unexpected token '<'\)$/);
    expect(() => detectReferenceSchema(null)).toThrow('not a reference result file: no ID or id field');
  });

  it('maps base ids by rule 4', () => {
    expect([referenceBaseId('N/A', 2), referenceBaseId('0000', 2), referenceBaseId('0002', 2), referenceBaseId('1a2b', 2)]).toEqual([null, 'ref-original', 'ref-original', 'ref2-1a2b']);
  });
});

describe.skipIf(upstreamFixturesMissing())('importReferenceResult on the five reference fixtures (fc 0)', () => {
  const load = (name: string) => parseReferenceFile(sharedUpstreamText(name), { fileName: name, importedAt, retrainedSubset: retrainedSubset() });
  let retrained: any;
  function retrainedSubset() {
    retrained ??= parseReferenceFile(sharedUpstreamText('a000.json'), { fileName: 'a000.json', importedAt }).attack?.subset;
    return retrained;
  }

  it.each([
    ['0000.json', 'original', 'original', 'ref0-0000', 'ref-original', 0.275, 'subset-200', true],
    ['a000.json', 'retrained', 'retrain', 'ref0-a000', 'ref0-a000', 1, 'reference-mixed', true],
    ['f48d.json', 'unlearned', 'ft', 'ref0-f48d', 'ref0-f48d', null, null, false],
    ['dd2c.json', 'unlearned', 'ga', 'ref0-dd2c', 'ref0-dd2c', null, null, false],
    ['3736.json', 'unlearned', 'rl', 'ref0-3736', 'ref0-3736', null, null, false],
  ])('%s → %s / %s, id %s, model %s, PS %s (%s)', (name, role, method, id, modelId, ps, basis, registered) => {
    const r = load(name);
    const f = sharedUpstreamFixture(name);
    expect(validateResult(r).ok).toBe(true);
    expect(r).toMatchObject({ id, modelId, role, createdAt: null, metrics: { PS: ps, psBasis: basis } });
    expect(r.config.method).toEqual({ id: method, label: expect.any(String), version: 'reference' });
    expect(r.metrics).toMatchObject({ UA: f.UA, RA: f.RA, TUA: f.TUA, TRA: f.TRA, RTE: f.RTE === 'N/A' ? null : f.RTE });
    expect(r.accuracy).toEqual({ train: f.accs, test: f.t_accs });
    for (const [ours, theirs] of [['train', ''], ['test', 't_']] as const) {
      expect(r.predictions[ours].labelDist).toEqual(Array.from({ length: 10 }, (_, c) => f[`${theirs}label_dist`][`gt_${c}`]));
      expect(r.predictions[ours].confDist).toEqual(Array.from({ length: 10 }, (_, c) => f[`${theirs}conf_dist`][`gt_${c}`]));
    }
    expect(r.embedding.pred).toEqual(f.points.map((p: any) => p[1]));
    expect(r.embedding.x).toEqual(f.points.map((p: any) => p[4]));
    expect(r.embedding.y).toEqual(f.points.map((p: any) => p[5]));
    r.embedding.probs.forEach((row, k) => row.forEach((v, c) => expect(v).toBe(Math.round(1000 * (f.points[k][6][String(c)] ?? 0)))));
    expect(r.embedding.sampleId === 'cifar10/reference-2000').toBe(registered);
    expect(r.embedding.indices).toEqual(registered ? null : f.points.map((p: any) => p[2]));
    const diag = (m: number[][]) => m.map((row, i) => row[i]);
    expect(r.cka.vsOriginal?.train.forget).toEqual(diag(f.cka.train.forget_class));
    expect(r.cka.vsOriginal?.test.other).toEqual(diag(f.cka.test.other_classes));
    expect(r.config.hyperparameters).toEqual({ epochs: f.Epoch ?? f.epochs, batchSize: f.BS, lr: f.LR });
    expect(r.config.baseModelId).toBe(role === 'unlearned' ? 'ref-original' : null);
    expect(r.references).toEqual({ originalModelId: 'ref-original', retrainedModelId: 'ref0-a000' });
    expect(r.provenance.importedFrom?.schema).toBe(registered ? 'reference-current' : 'reference-2025');
    expect(JSON.stringify(r).length).toBeLessThanOrEqual(250_000);
    expect(r.warnings.filter((w) => w.startsWith('stored attack curves'))).toEqual([]);
  });

  it('keeps the Original\'s and Retrained\'s attack data, curves and CKA vs Retrained', () => {
    const original = load('0000.json');
    const f = sharedUpstreamFixture('0000.json');
    expect(original.attack?.subset.entropy).toEqual(f.attack.values.map((v: any) => v.entropy));
    expect(original.attack?.subset.curves?.entropyAboveRetrain.fpr).toEqual(f.attack.results.entropy_above_retrain.map((e: any) => e.fpr));
    expect(original.attack?.subset).toMatchObject({ count: 200, privacyScore: 0.275, worstCase: { metric: 'confidence', positives: 'unlearn', threshold: 6.5, score: 0.725 } });
    expect(original.provenance.legacy).toEqual({ Method: 'N/A', Type: 'Original', PA: 0.498, FQS: 'N/A' });
    expect(original.cka.vsRetrained?.train.forget).toEqual([0.999, 0.984, 0.983, 0.967, 0.95, 0.889, 0.756, 0.279, 0.299, 0.279]);
    const retrainedRecord = load('a000.json');
    expect(retrainedRecord.cka.vsRetrained?.train.forget).toEqual(new Array(10).fill(1));
    expect(retrainedRecord.attack?.subset.privacyScore).toBe(1);
  });

  it('stores the older list with its 207 forget points and the same hash for all three files', () => {
    const [a, b, c] = ['f48d.json', 'dd2c.json', '3736.json'].map(load);
    expect(a.embedding.trueClass?.filter((t) => t === 0)).toHaveLength(207);
    expect(new Set([a.embedding.sampleId, b.embedding.sampleId, c.embedding.sampleId]).size).toBe(1);
    expect([a.attack, a.cka.vsRetrained, a.metrics.PS]).toEqual([null, null, null]);
  });
});
