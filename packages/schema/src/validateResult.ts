import type { ErrorObject } from 'ajv';
import { lazyValidator } from './lazyValidator.js';
import { RESULT_SCHEMA_VERSION, type ResultRecord, ResultRecord as ResultRecordSchema } from './result.js';

// Compiled once per process, on first use; TypeBox schemas are plain JSON Schema for ajv.
const resultValidator = lazyValidator<ResultRecord>(ResultRecordSchema);

export type ValidationOutcome = { ok: true; record: ResultRecord } | { ok: false; error: string };

/**
 * Validates a result record against the schema, then the cross-field rules the JSON Schema cannot
 * express (array lengths follow the class count, the sample size and the grids). The error is
 * one line naming the first offending field and its value.
 *
 *   const v = validateResult(JSON.parse(text)); if (!v.ok) throw new Error(v.error);
 */
export function validateResult(x: unknown): ValidationOutcome {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return fail(`invalid result: ${describe(x)} (expected an object)`);
  const version = (x as { schemaVersion?: unknown }).schemaVersion;
  if (version !== RESULT_SCHEMA_VERSION) {
    return fail(`unsupported result schemaVersion: ${describe(version)} (expected ${RESULT_SCHEMA_VERSION})`);
  }
  const check = resultValidator();
  if (!check(x)) return fail(ajvMessage(check.errors?.[0], x));
  const problem = crossFieldProblem(x);
  return problem === null ? { ok: true, record: x } : fail(`invalid result: ${problem}`);
}

/** validateResult that throws its one-line error. */
export function assertResult(x: unknown): ResultRecord {
  const v = validateResult(x);
  if (!v.ok) throw new Error(v.error);
  return v.record;
}

function fail(error: string): ValidationOutcome {
  return { ok: false, error };
}

function ajvMessage(e: ErrorObject | undefined, root: unknown): string {
  if (e === undefined) return 'invalid result: unknown schema error';
  const path = e.instancePath === '' ? '(root)' : e.instancePath;
  if (e.keyword === 'additionalProperties') {
    return `invalid result: ${path} has unknown field ${(e.params as { additionalProperty: string }).additionalProperty}`;
  }
  if (e.keyword === 'required') {
    return `invalid result: ${path} is missing ${(e.params as { missingProperty: string }).missingProperty}`;
  }
  return `invalid result: ${path} ${e.message ?? 'is invalid'} (got ${describe(valueAt(root, e.instancePath))})`;
}

function valueAt(root: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((v, key) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), root);
}

function describe(v: unknown): string {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** The first violated rule that ties array lengths and values to other fields, or null. */
function crossFieldProblem(r: ResultRecord): string | null {
  const C = r.config.dataset.numClasses;
  const { attack: grids } = r.config.evaluation;
  const checks: (() => string | null)[] = [
    () => length('/config/dataset/classNames', r.config.dataset.classNames, C),
    () => (r.config.forgetClass < C ? null : `/config/forgetClass must be < numClasses ${C} (got ${r.config.forgetClass})`),
    () => length('/accuracy/train', r.accuracy.train, C) ?? length('/accuracy/test', r.accuracy.test, C),
    ...(['train', 'test'] as const).map((split) => () => {
      const p = r.predictions[split];
      return (
        square(`/predictions/${split}/labelDist`, p.labelDist, C) ??
        square(`/predictions/${split}/confDist`, p.confDist, C) ??
        (p.confusion === null ? null : square(`/predictions/${split}/confusion`, p.confusion, C))
      );
    }),
    () => embeddingProblem(r, C),
    () => {
      if (r.attack === null) return null;
      for (const [name, set] of [['subset', r.attack.subset], ['full', r.attack.full]] as const) {
        if (set === null) continue;
        const at = `/attack/${name}`;
        const problem =
          length(`${at}/entropy`, set.entropy, set.count) ??
          length(`${at}/confidence`, set.confidence, set.count) ??
          (set.curves === null
            ? null
            : Object.entries(set.curves)
                .map(([curve, c]) => {
                  const n = curve.startsWith('entropy') ? grids.entropyGrid.count : grids.confidenceGrid.count;
                  return length(`${at}/curves/${curve}/fpr`, c.fpr, n) ?? length(`${at}/curves/${curve}/fnr`, c.fnr, n) ?? length(`${at}/curves/${curve}/score`, c.score, n);
                })
                .find((p) => p !== null) ?? null);
        if (problem !== null) return problem;
      }
      return null;
    },
    () => {
      const expected = r.config.evaluation.cka.layers;
      return r.cka.layers.length === expected.length && r.cka.layers.every((name, i) => name === expected[i])
        ? null
        : `/cka/layers must equal /config/evaluation/cka/layers ${describe(expected)} (got ${describe(r.cka.layers)})`;
    },
    () => {
      const n = r.cka.layers.length;
      for (const [name, set] of [['vsOriginal', r.cka.vsOriginal], ['vsRetrained', r.cka.vsRetrained]] as const) {
        if (set === null) continue;
        for (const split of ['train', 'test'] as const) {
          for (const part of ['forget', 'other'] as const) {
            const p = length(`/cka/${name}/${split}/${part}`, set[split][part], n);
            if (p !== null) return p;
          }
        }
      }
      return null;
    },
    () => (r.metrics.PS !== null && r.metrics.psBasis === null ? `/metrics/psBasis must be set when PS is (got null)` : null),
  ];
  for (const c of checks) {
    const problem = c();
    if (problem !== null) return problem;
  }
  return null;
}

function embeddingProblem(r: ResultRecord, C: number): string | null {
  const e = r.embedding;
  const N = e.pred.length;
  const registered = !e.sampleId.startsWith('import:');
  return (
    length('/embedding/x', e.x, N) ??
    length('/embedding/y', e.y, N) ??
    length('/embedding/probs', e.probs, N) ??
    (e.probs.findIndex((row) => row.length !== C) >= 0
      ? `/embedding/probs/${e.probs.findIndex((row) => row.length !== C)} must have ${C} items (got ${e.probs.find((row) => row.length !== C)?.length})`
      : null) ??
    classes('/embedding/pred', e.pred, C) ??
    (registered || (e.indices !== null && e.trueClass !== null) ? null : `/embedding/indices and trueClass must be set for sample ${e.sampleId} (got null)`) ??
    (e.indices === null ? null : length('/embedding/indices', e.indices, N)) ??
    (e.trueClass === null ? null : length('/embedding/trueClass', e.trueClass, N) ?? classes('/embedding/trueClass', e.trueClass, C))
  );
}

function length(path: string, a: readonly unknown[], n: number): string | null {
  return a.length === n ? null : `${path} must have ${n} items (got ${a.length})`;
}

function square(path: string, m: readonly (readonly unknown[])[], n: number): string | null {
  if (m.length !== n) return `${path} must have ${n} rows (got ${m.length})`;
  const bad = m.findIndex((row) => row.length !== n);
  return bad < 0 ? null : `${path}/${bad} must have ${n} items (got ${m[bad].length})`;
}

function classes(path: string, a: readonly number[], C: number): string | null {
  const bad = a.findIndex((c) => c >= C);
  return bad < 0 ? null : `${path}/${bad} must be < numClasses ${C} (got ${a[bad]})`;
}
