import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { validateResult } from '@mu/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerEvent } from './helpers/apiClient.js';
import { smallCnnCheckpoint } from './helpers/checkpointUpload.js';
import { fixtureUploads } from './helpers/fixtures.js';
import { startTestServer, type TestServer } from './helpers/testServer.js';

// The whole flow over HTTP on real data: cifar10-mini, the small CNN, one-epoch baselines, two
// methods with small epoch counts, a cancelled run, a sweep, then the results API.
const scope = { dataset: 'cifar10-mini', architecture: 'small-cnn' };
const FC = 3;
/** Long enough that only a job stopping by itself ends within it on a loaded machine. */
const CANCEL_GRACE_MS = 120_000;

const progressOf = (events: ServerEvent[]) => events.filter((e) => e.event === 'progress').map((e) => e.data);
const endOf = (events: ServerEvent[]) => events.find((e) => e.event === 'end')?.data;

describe('server pipeline (cifar10-mini, small-cnn)', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ cancelGraceMs: CANCEL_GRACE_MS });
  });
  afterAll(async () => {
    const jobs = s ? (await s.get('/api/jobs')).body : [];
    for (const j of jobs) console.log(`job ${j.kind} ${j.spec.method ?? ''} ${j.status}: ${((Date.parse(j.finishedAt) - Date.parse(j.startedAt)) / 1000).toFixed(1)} s`);
    await s?.close();
  });

  it('builds an Original and a Retrained model as jobs, streaming the engine\'s training numbers, while health answers at once', async () => {
    const original = await s.post('/api/jobs', { kind: 'original', ...scope, epochs: 1 });
    expect(original.status).toBe(201);
    expect(original.body).toMatchObject({ kind: 'original', status: 'running' });
    const retrained = await s.post('/api/jobs', { kind: 'retrained', ...scope, epochs: 1, forgetClass: FC });
    expect(retrained.status).toBe(201);
    expect(retrained.body.status).toBe('queued');

    // Health during training: the engine runs in the worker thread.
    // Five health checks from the first reported batch on (progress is throttled, so a given batch
    // number may never be reported; with the native convolutions the 40 batches take a few seconds);
    // each notes whether the training was still going when it answered.
    let trainingEnded = false;
    let healthChecks: Promise<{ status: number; running: number; duringTraining: boolean }[]> | undefined;
    const checkHealth = async () => {
      const answers = [];
      for (let i = 0; i < 5; i++) {
        const res = await s.get('/api/health');
        answers.push({ status: res.status, running: res.body.jobs.running, duringTraining: !trainingEnded });
      }
      return answers;
    };
    const events = await s.events(`/api/jobs/${original.body.id}/events`, {
      onEvent: (e) => {
        if (e.event === 'progress' && e.data.stage === 'training' && e.data.batch != null) healthChecks ??= checkHealth();
        if (healthChecks && (e.event === 'end' || e.data.stage !== 'training')) trainingEnded = true;
      },
    });
    const training = progressOf(events).filter((p) => p.stage === 'training' && p.batch !== null);
    // At most one report every 250 ms, and the last batch's always: a stream of at least two.
    expect(training.length).toBeGreaterThanOrEqual(2);
    const last = training.at(-1);
    expect(last).toMatchObject({ step: 'Original', epoch: 1, epochs: 1, batches: 40 });
    for (const p of training) {
      expect(Number.isFinite(p.loss) && p.loss > 0).toBe(true);
      expect(p.accuracy).toBeGreaterThanOrEqual(0);
      expect(p.accuracy).toBeLessThanOrEqual(1);
      expect(p.imagesPerSecond).toBeGreaterThan(0);
      expect(p.etaSeconds).toBeGreaterThanOrEqual(0);
    }
    expect(training.map((p) => p.seq)).toEqual([...training.map((p) => p.seq)].sort((a, b) => a - b));
    expect(endOf(events)).toMatchObject({ status: 'succeeded', error: null });
    expect(endOf(events).checkpointIds).toHaveLength(1);
    // Latency under load is measured by `pnpm bench:server`; here: health answered while the model trained.
    const health = await healthChecks!;
    expect(health).toHaveLength(5);
    expect(health[0]).toEqual({ status: 200, running: 1, duringTraining: true });

    const retrainedEvents = await s.events(`/api/jobs/${retrained.body.id}/events`);
    const stages = new Set(progressOf(retrainedEvents).map((p) => p.stage));
    for (const stage of ['training', 'evaluating train', 'evaluating test', 'embedding', 'attack', 'cka', 'saving']) expect(stages).toContain(stage);
    const counted = progressOf(retrainedEvents).filter((p) => p.stage === 'evaluating train' && p.done !== null);
    expect(counted.at(-1)).toMatchObject({ done: 5000, total: 5000 });
    const done = endOf(retrainedEvents);
    expect(done).toMatchObject({ status: 'succeeded' });
    expect(done.resultIds).toHaveLength(2); // the Retrained model's record and the Original's for the class

    const baselines = await s.get(`/api/baselines?dataset=${scope.dataset}&architecture=${scope.architecture}`);
    expect(baselines.status).toBe(200);
    expect(baselines.body.original.id).toBe(endOf(events).checkpointIds[0]);
    expect(baselines.body.classes[FC]).toMatchObject({ className: 'cat', retrainedRecordId: done.checkpointIds[0] });
    expect(baselines.body.classes[FC].originalRecordId).toMatch(/^[0-9a-f]{8}$/);
    expect(baselines.body.classes[0].retrained).toBeNull();
  });

  it('runs two unlearning methods with live progress, and a cancelled run leaves nothing behind', async () => {
    const ga = await s.post('/api/jobs', { kind: 'unlearn', ...scope, method: 'ga', forgetClass: FC, params: { epochs: 2 }, seed: 5 });
    const ft = await s.post('/api/jobs', { kind: 'unlearn', ...scope, method: 'ft', forgetClass: FC, params: { epochs: 1 }, label: 'fine-tuned' });
    expect([ga.status, ft.status]).toEqual([201, 201]);

    const gaEvents = await s.events(`/api/jobs/${ga.body.id}/events`);
    const unlearning = progressOf(gaEvents).filter((p) => p.stage === 'unlearning' && p.batches !== null);
    expect(unlearning.length).toBeGreaterThan(0);
    expect(unlearning.some((p) => p.epochs === 2 && p.loss !== null && p.forgetAccuracy !== null)).toBe(true);
    // The stream starts where the client joins: the job's stages from then on, in order.
    const gaStages = [...new Set(progressOf(gaEvents).map((p) => p.stage))];
    expect(gaStages.slice(-7)).toEqual(['unlearning', 'evaluating train', 'evaluating test', 'embedding', 'attack', 'cka', 'saving']);
    expect(endOf(gaEvents)).toMatchObject({ status: 'succeeded', resultIds: [expect.stringMatching(/^[0-9a-f]{8}$/)] });
    const ftDone = await s.finished(ft.body.id);
    expect(ftDone.status).toBe('succeeded');

    // Cancel a run in the middle of its evaluation.
    const before = { results: (await s.get('/api/results')).body.length, files: readdirSync(path.join(s.dataDir, 'checkpoints')).length };
    const doomed = await s.post('/api/jobs', { kind: 'unlearn', ...scope, method: 'ga', forgetClass: FC, params: { epochs: 1 } });
    let cancelledAt = 0;
    let cancel: Promise<{ status: number }> | undefined;
    const doomedEvents = await s.events(`/api/jobs/${doomed.body.id}/events`, {
      onEvent: (e) => {
        if (e.event === 'progress' && e.data.stage === 'embedding' && cancel === undefined) {
          cancelledAt = performance.now();
          cancel = s.post(`/api/jobs/${doomed.body.id}/cancel`);
        }
      },
    });
    expect((await cancel!).status).toBe(202);
    expect(endOf(doomedEvents)).toMatchObject({ status: 'cancelled', resultIds: [], checkpointIds: [] });
    // The job stopped by itself, before the grace period after which its worker would be terminated.
    expect(performance.now() - cancelledAt).toBeLessThan(CANCEL_GRACE_MS);
    expect((await s.get('/api/results')).body.length).toBe(before.results);
    expect(readdirSync(path.join(s.dataDir, 'checkpoints')).length).toBe(before.files);
    expect(existsSync(path.join(s.dataDir, 'staging', doomed.body.id))).toBe(false);
    expect((await s.post(`/api/jobs/${doomed.body.id}/cancel`)).status).toBe(409);
  });

  it('runs a sweep as one unlearn job per grid point and seed', async () => {
    const sweep = await s.post('/api/jobs', { kind: 'sweep', ...scope, method: 'ga', forgetClass: FC, params: { epochs: 1 }, grid: { lr: [1e-4, 1e-3] }, seeds: [1] });
    expect(sweep.status).toBe(201);
    expect(sweep.body.childIds).toHaveLength(2);
    const events = await s.events(`/api/jobs/${sweep.body.id}/events`);
    expect(events.filter((e) => e.event === 'child').length).toBeGreaterThanOrEqual(2);
    expect(endOf(events)).toMatchObject({ status: 'succeeded' });
    expect(endOf(events).resultIds).toHaveLength(2);
    const children = (await s.get(`/api/jobs?parentId=${sweep.body.id}`)).body;
    expect(children.map((c: { spec: { params: { lr: number } } }) => c.spec.params.lr).sort()).toEqual([1e-4, 1e-3]);
  });

  it('estimates stage and epoch times from the runs on this backend', async () => {
    const e = (await s.get(`/api/estimates?dataset=${scope.dataset}&architecture=${scope.architecture}`)).body;
    const health = (await s.get('/api/health')).body;
    expect(e.backend).toBe(health.backend.name);
    const engineRecords = (await s.get(`/api/results?dataset=${scope.dataset}&architecture=${scope.architecture}`)).body.filter((r: { source: string }) => r.source === 'engine');
    expect(e.records).toBe(engineRecords.length);
    for (const key of ['original', 'retrained', 'ga', 'ft']) expect(e.epochSeconds[key]).toBeGreaterThan(0);
    for (const stage of ['evaluate', 'embedding', 'attack', 'cka']) expect(e.stageSeconds[stage]).toBeGreaterThan(0);
  });

  it('lists results with headline metrics or summaries, fetches one in full, exports CSV and JSON', async () => {
    const list = await s.get('/api/results');
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(6); // Retrained, Original (class 3), GA, FT, 2 sweep runs
    const roles = list.body.map((r: { role: string }) => r.role).sort();
    expect(roles).toEqual(['original', 'retrained', 'unlearned', 'unlearned', 'unlearned', 'unlearned']);
    const ft = list.body.find((r: { method: { id: string } }) => r.method.id === 'ft');
    expect(ft).toMatchObject({ dataset: 'cifar10-mini', architecture: 'small-cnn', forgetClass: FC, label: 'fine-tuned', source: 'engine', weightsAvailable: true });
    expect(Object.keys(ft.metrics)).toEqual(['UA', 'RA', 'TUA', 'TRA', 'PS', 'psBasis', 'RTE']);
    expect(ft.metrics.PS).not.toBeNull();
    expect(list.text.length / list.body.length).toBeLessThan(1500);

    const summaries = await s.get('/api/results?view=summary&role=unlearned&method=ga');
    expect(summaries.body).toHaveLength(3);
    expect(summaries.body[0].embedding).toBeUndefined();
    expect(summaries.body[0].attack.subset.entropy).toBeUndefined();
    expect(summaries.body[0].predictions.test.labelDist).toHaveLength(10);

    const full = await s.get(`/api/results/${ft.id}`);
    expect(full.status).toBe(200);
    expect(validateResult(full.body)).toMatchObject({ ok: true });
    expect(full.body.embedding.x.length).toBeGreaterThan(0);
    expect(full.body.config.hyperparameters.epochs).toBe(1);

    const csv = await s.get('/api/results/export?format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="results-.*\.csv"/);
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines).toHaveLength(7);
    expect(lines[0].split(',').slice(0, 3)).toEqual(['id', 'modelId', 'role']);
    expect(lines[0]).toContain('hp.lr');
    expect(lines.find((l) => l.startsWith(ft.id))).toContain('fine-tuned');

    const json = await s.get(`/api/results/export?format=json&ids=${ft.id}`);
    expect(json.body).toHaveLength(1);
    expect(json.body[0].id).toBe(ft.id);
  });

  it('imports the reference fixture files (both schemas), idempotently', async () => {
    const first = await s.upload('/api/imports/results', fixtureUploads());
    expect(first.status).toBe(201);
    expect(first.body.imported.map((i: { id: string }) => i.id).sort()).toEqual(['ref0-0000', 'ref0-3736', 'ref0-a000', 'ref0-dd2c', 'ref0-f48d']);
    expect(first.body.imported.every((i: { replaced: boolean }) => !i.replaced)).toBe(true);
    const again = await s.upload('/api/imports/results', fixtureUploads(['f48d.json']));
    expect(again.body.imported).toMatchObject([{ id: 'ref0-f48d', replaced: true, method: 'ft' }]);

    const imported = await s.get('/api/results?dataset=cifar10');
    expect(imported.body).toHaveLength(5);
    expect(imported.body.find((r: { id: string }) => r.id === 'ref0-0000').metrics).toMatchObject({ PS: 0.275, psBasis: 'subset-200' });
    const older = await s.get('/api/results/ref0-dd2c');
    expect(older.body.provenance.importedFrom).toMatchObject({ schema: 'reference-2025', legacyId: 'dd2c', fileName: 'dd2c.json' });
    expect((await s.get('/api/results')).body).toHaveLength(11);
  });

  it('accepts an external checkpoint upload under a new id, and deletes a result with its weights', async () => {
    const { meta, weights } = smallCnnCheckpoint('unlearned', FC);
    const up = await s.upload('/api/imports/checkpoints', [
      { field: 'meta', name: 'cafe0001.json', content: JSON.stringify(meta) },
      { field: 'weights', name: 'cafe0001.weights.bin', content: weights },
    ]);
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ role: 'unlearned', source: 'upload', dataset: 'cifar10-mini', forgetClass: FC });
    expect(up.body.id).not.toBe('cafe0001');
    expect((await s.get(`/api/checkpoints/${up.body.id}`)).status).toBe(200);

    const ga = (await s.get('/api/results?method=ga&role=unlearned')).body[0];
    expect((await s.delete(`/api/results/${ga.id}`)).status).toBe(204);
    expect((await s.get(`/api/results/${ga.id}`)).status).toBe(404);
    expect(existsSync(path.join(s.dataDir, 'checkpoints', `${ga.modelId}.weights.bin`))).toBe(false);
    expect((await s.get(`/api/checkpoints/${ga.modelId}`)).status).toBe(404);
  });
});
