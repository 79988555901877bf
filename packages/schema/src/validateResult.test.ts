import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { exampleResult } from '../test/exampleResult.js';
import { jsonSchemaFiles } from './jsonSchemaFiles.js';
import { ResultSummary } from './result.js';
import { assertResult, validateResult } from './validateResult.js';

const edit = (f: (r: any) => void) => {
  const r: any = exampleResult();
  f(r);
  return validateResult(r);
};

describe('validateResult', () => {
  it('accepts the hand-built example record, also after a JSON round trip', () => {
    expect(validateResult(exampleResult())).toEqual({ ok: true, record: exampleResult() });
    expect(validateResult(JSON.parse(JSON.stringify(exampleResult()))).ok).toBe(true);
  });

  it('rejects an unknown schema version before anything else', () => {
    expect(edit((r) => (r.schemaVersion = 2))).toEqual({ ok: false, error: 'unsupported result schemaVersion: 2 (expected 1)' });
    expect(validateResult([])).toEqual({ ok: false, error: 'invalid result: [] (expected an object)' });
  });

  it('names the field and the value of a constraint violation', () => {
    expect(edit((r) => (r.metrics.UA = 1.2))).toEqual({ ok: false, error: 'invalid result: /metrics/UA must be <= 1 (got 1.2)' });
    expect(edit((r) => (r.metrics.PS = 'N/A'))).toMatchObject({ ok: false, error: expect.stringContaining('/metrics/PS') });
    expect(edit((r) => (r.role = 'pretrained'))).toMatchObject({ ok: false, error: expect.stringContaining('/role') });
    expect(edit((r) => delete r.warnings)).toEqual({ ok: false, error: 'invalid result: (root) is missing warnings' });
    expect(edit((r) => (r.metrics.extra = 1))).toEqual({ ok: false, error: 'invalid result: /metrics has unknown field extra' });
    expect(edit((r) => (r.id = 'ABC'))).toMatchObject({ ok: false, error: expect.stringMatching(/^invalid result: \/id must match pattern .* \(got "ABC"\)$/) });
  });

  it('accepts the id forms of imports', () => {
    expect(edit((r) => Object.assign(r, { id: 'ref0-285d', modelId: 'ref-original' })).ok).toBe(true);
  });

  it('ties array lengths to the class count, the sample size and the grids', () => {
    expect(edit((r) => r.accuracy.test.pop())).toEqual({ ok: false, error: 'invalid result: /accuracy/test must have 3 items (got 2)' });
    expect(edit((r) => r.predictions.train.confusion[1].push(0))).toEqual({
      ok: false,
      error: 'invalid result: /predictions/train/confusion/1 must have 3 items (got 4)',
    });
    expect(edit((r) => (r.config.forgetClass = 3))).toEqual({ ok: false, error: 'invalid result: /config/forgetClass must be < numClasses 3 (got 3)' });
    expect(edit((r) => r.embedding.x.pop())).toEqual({ ok: false, error: 'invalid result: /embedding/x must have 6 items (got 5)' });
    expect(edit((r) => (r.embedding.pred[2] = 5))).toEqual({ ok: false, error: 'invalid result: /embedding/pred/2 must be < numClasses 3 (got 5)' });
    expect(edit((r) => (r.embedding.sampleId = 'import:0123456789ab'))).toEqual({
      ok: false,
      error: 'invalid result: /embedding/indices and trueClass must be set for sample import:0123456789ab (got null)',
    });
    expect(edit((r) => r.attack.subset.entropy.push(0.5))).toEqual({ ok: false, error: 'invalid result: /attack/subset/entropy must have 2 items (got 3)' });
    expect(edit((r) => r.attack.subset.curves.confidenceAboveRetrain.score.pop())).toEqual({
      ok: false,
      error: 'invalid result: /attack/subset/curves/confidenceAboveRetrain/score must have 51 items (got 50)',
    });
    expect(edit((r) => r.cka.vsOriginal.test.other.pop())).toEqual({ ok: false, error: 'invalid result: /cka/vsOriginal/test/other must have 10 items (got 9)' });
  });

  it('accepts the CKA layer list of any architecture, and ties it to the configured list', () => {
    const small = ['conv1', 'block1', 'block2', 'block3', 'fc'];
    const fiveLayers = (r: any) => {
      r.config.evaluation.cka.layers = [...small];
      r.cka.layers = [...small];
      for (const split of ['train', 'test']) for (const part of ['forget', 'other']) r.cka.vsOriginal[split][part].splice(5);
    };
    expect(edit(fiveLayers).ok).toBe(true);
    expect(edit((r) => (fiveLayers(r), r.cka.layers.reverse()))).toMatchObject({ ok: false, error: expect.stringContaining('/cka/layers must equal /config/evaluation/cka/layers') });
    expect(edit((r) => (fiveLayers(r), r.cka.vsOriginal.test.other.push(1)))).toEqual({ ok: false, error: 'invalid result: /cka/vsOriginal/test/other must have 5 items (got 6)' });
  });

  it('throws the same one-line error from assertResult', () => {
    const r: any = exampleResult();
    r.metrics.RTE = -1;
    expect(() => assertResult(r)).toThrow('invalid result: /metrics/RTE must be >= 0 (got -1)');
  });
});

describe('JSON Schema artefact', () => {
  it('is current: json/*.schema.json equal what scripts/emit-json-schema.ts writes', () => {
    for (const [name, text] of Object.entries(jsonSchemaFiles())) {
      expect(readFileSync(new URL(`../json/${name}`, import.meta.url), 'utf8'), `${name} is stale: run pnpm --filter @mu/schema emit-json-schema`).toBe(text);
    }
  });

  it('validates the example with a fresh ajv, and its summary (no embedding, no per-image values) with the summary schema', () => {
    const fresh = () => new Ajv({ strict: true, allowUnionTypes: true });
    const files = jsonSchemaFiles();
    expect(fresh().validate(JSON.parse(files['result.schema.json']), exampleResult())).toBe(true);
    const { embedding: _drop, ...summary }: any = exampleResult();
    delete summary.attack.subset.entropy;
    delete summary.attack.subset.confidence;
    expect(fresh().validate(ResultSummary, summary)).toBe(true);
    expect(fresh().validate(JSON.parse(files['result-summary.schema.json']), summary)).toBe(true);
  });
});
