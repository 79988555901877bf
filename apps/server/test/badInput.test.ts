import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallCnnCheckpoint } from './helpers/checkpointUpload.js';
import { fixture, fixtureUploads, mislabelled } from './helpers/fixtures.js';
import { startTestServer, type TestServer } from './helpers/testServer.js';

// Malformed requests: each answers 4xx with one line naming the problem; afterwards the server
// still answers and no stored result has changed.
const scope = { dataset: 'cifar10-mini', architecture: 'small-cnn' };
const unlearn = { kind: 'unlearn', ...scope, method: 'ga', forgetClass: 3 };
const UPLOAD_LIMIT = 1024 * 1024;

type Case = [name: string, request: (s: TestServer) => Promise<{ status: number; body: any }>, status: number, message: RegExp];

const cases: Case[] = [
  // Job bodies: types, ranges, unknown names
  ['body that is not JSON', (s) => s.request('POST', '/api/jobs', { body: '{"kind":', headers: { 'content-type': 'application/json' } }), 400, /JSON/],
  ['body of the wrong media type', (s) => s.request('POST', '/api/jobs', { body: 'kind=original', headers: { 'content-type': 'text/plain' } }), 415, /text\/plain/],
  ['body that is an array', (s) => s.post('/api/jobs', [unlearn]), 400, /^body must be object/],
  ['job without kind', (s) => s.post('/api/jobs', { ...scope }), 400, /^body is missing kind$/],
  ['unknown job kind', (s) => s.post('/api/jobs', { kind: 'finetune', ...scope }), 400, /^body\.kind must be one of original, retrained, unlearn, sweep \(got "finetune"\)$/],
  ['epochs as a string', (s) => s.post('/api/jobs', { kind: 'original', ...scope, epochs: '5' }), 400, /^body\.epochs must be integer \(got "5"\)$/],
  ['epochs of 0', (s) => s.post('/api/jobs', { kind: 'original', ...scope, epochs: 0 }), 400, /^body\.epochs must be >= 1/],
  ['epochs beyond the range', (s) => s.post('/api/jobs', { kind: 'original', ...scope, epochs: 1e9 }), 400, /^body\.epochs must be <= 10000/],
  ['negative training lr', (s) => s.post('/api/jobs', { kind: 'original', ...scope, lr: -0.1 }), 400, /^body\.lr must be > 0/],
  ['unknown recipe', (s) => s.post('/api/jobs', { kind: 'original', ...scope, recipe: 'fastest' }), 400, /^body\.recipe must be one of .*"quick".* \(got "fastest"\)$/],
  ['recipe that does not fit the dataset', (s) => s.post('/api/jobs', { kind: 'original', ...scope, recipe: 'quick-fashion-mnist' }), 400, /^recipe quick-fashion-mnist does not fit dataset cifar10-mini \(it is for fashion-mnist\)$/],
  ['Retrained recipe that does not fit the dataset', (s) => s.post('/api/jobs', { kind: 'retrained', ...scope, forgetClass: 3, recipe: 'quick-fashion-mnist' }), 400, /^recipe quick-fashion-mnist does not fit/],
  ['unknown field', (s) => s.post('/api/jobs', { kind: 'original', ...scope, colour: 'red' }), 400, /^body has unknown field colour$/],
  ['unknown dataset', (s) => s.post('/api/jobs', { kind: 'original', dataset: 'cifar100', architecture: 'small-cnn' }), 400, /^unknown dataset: cifar100 \(expected cifar10, cifar10-mini, fashion-mnist\)$/],
  ['unknown architecture', (s) => s.post('/api/jobs', { kind: 'original', dataset: 'cifar10-mini', architecture: 'vgg16' }), 400, /^unknown architecture: vgg16/],
  ['forget class beyond the dataset', (s) => s.post('/api/jobs', { ...unlearn, forgetClass: 10 }), 400, /^invalid forgetClass: 10 \(expected 0\.\.9 for cifar10-mini\)$/],
  ['negative forget class', (s) => s.post('/api/jobs', { ...unlearn, forgetClass: -1 }), 400, /^body\.forgetClass must be >= 0/],
  ['fractional forget class', (s) => s.post('/api/jobs', { kind: 'retrained', ...scope, forgetClass: 2.5 }), 400, /^body\.forgetClass must be integer/],
  ['evaluate classes beyond the dataset', (s) => s.post('/api/jobs', { kind: 'original', ...scope, evaluateClasses: [1, 12] }), 400, /^invalid evaluateClasses: 12/],
  ['unknown method', (s) => s.post('/api/jobs', { ...unlearn, method: 'magic' }), 400, /^unknown method: magic \(expected ft, ga, /],
  ['method id with a path', (s) => s.post('/api/jobs', { ...unlearn, method: '../../etc/passwd' }), 400, /^body\.method must match pattern .* \(got a string of 16 characters\)$/],
  ['learning rate out of range', (s) => s.post('/api/jobs', { ...unlearn, params: { lr: 2 } }), 400, /^invalid lr: 2 \(expected a number in \(0, 1\)\)$/],
  ['method epochs out of range', (s) => s.post('/api/jobs', { ...unlearn, params: { epochs: 0 } }), 400, /^invalid epochs: 0 \(expected an integer 1\.\.500\)$/],
  ['unknown hyperparameter', (s) => s.post('/api/jobs', { ...unlearn, params: { temperature: 2 } }), 400, /^unknown parameter for ga: temperature/],
  ['hyperparameter of the wrong type', (s) => s.post('/api/jobs', { ...unlearn, params: { lr: { value: 0.1 } } }), 400, /^body\.params\.lr /],
  ['negative seed', (s) => s.post('/api/jobs', { ...unlearn, seed: -5 }), 400, /^body\.seed must be >= 0/],
  ['unknown base model', (s) => s.post('/api/jobs', { ...unlearn, baseModelId: 'deadbeef' }), 400, /^unknown baseModelId: deadbeef/],
  ['base model id with a path', (s) => s.post('/api/jobs', { ...unlearn, baseModelId: '../x' }), 400, /^body\.baseModelId must match pattern/],
  ['unlearning without an Original', (s) => s.post('/api/jobs', unlearn), 409, /^no Original model for cifar10-mini \/ small-cnn/],
  ['sweep over too many runs', (s) => s.post('/api/jobs', { ...unlearn, kind: 'sweep', grid: { epochs: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17], lr: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09] } }), 400, /^sweep has 272 runs \(at most 256\)$/],
  ['sweep over an unknown hyperparameter', (s) => s.post('/api/jobs', { ...unlearn, kind: 'sweep', grid: { alpha: [0.1, 0.2] } }), 400, /^unknown parameter for ga: alpha/],
  ['sweep with an out-of-range value', (s) => s.post('/api/jobs', { ...unlearn, kind: 'sweep', grid: { lr: [0.1, 5] } }), 400, /^invalid lr: 5/],

  // Path parameters: malformed ids and traversal attempts
  ['result id with ../', (s) => s.get('/api/results/..%2F..%2Fetc%2Fpasswd'), 400, /^params\.id must match pattern .* \(got a string of 16 characters\)$/],
  ['deleting a result id with ..', (s) => s.delete('/api/results/%2e%2e%2fmu.sqlite'), 400, /^params\.id must match pattern/],
  ['unknown result', (s) => s.get('/api/results/ref0-ffff'), 404, /^unknown result: ref0-ffff$/],
  ['deleting an unknown result', (s) => s.delete('/api/results/0badc0de'), 404, /^unknown result: 0badc0de$/],
  ['job id with ../', (s) => s.get('/api/jobs/..%2F..%2Fmu.sqlite'), 400, /^params\.id must match pattern/],
  ['job events with a traversal id', (s) => s.get('/api/jobs/..%2F..%2Fetc/events'), 400, /^params\.id must match pattern/],
  ['unknown job', (s) => s.get('/api/jobs/abcdef12'), 404, /^unknown job: abcdef12$/],
  ['cancelling an unknown job', (s) => s.post('/api/jobs/abcdef12/cancel'), 404, /^unknown job: abcdef12$/],
  ['cancelling with a traversal id', (s) => s.post('/api/jobs/%2e%2e%2f%2e%2e/cancel'), 400, /^params\.id must match pattern/],
  ['method id with ../', (s) => s.get('/api/methods/..%2F..%2Fmethods%2FlabelSmoothingFt'), 400, /^params\.id must match pattern/],
  ['unknown method descriptor', (s) => s.get('/api/methods/magic'), 404, /^unknown method: magic/],
  ['dataset id with ../', (s) => s.get('/api/datasets/..%2F..%2Fetc'), 400, /^params\.id must match pattern/],
  ['unknown dataset images', (s) => s.get('/api/datasets/cifar100/images/train/0'), 404, /^unknown dataset: cifar100/],
  ['image split with ../', (s) => s.get('/api/datasets/cifar10-mini/images/..%2F..%2F/0'), 400, /^params\.split must be one of "train", "test" \(got a string of 6 characters\)$/],
  ['image index that is not a number', (s) => s.get('/api/datasets/cifar10-mini/images/train/..%2F1'), 400, /^params\.index must be integer/],
  ['image index out of range', (s) => s.get('/api/datasets/cifar10-mini/images/test/1000'), 404, /^image index 1000 is out of range for cifar10-mini test \(0\.\.999\)$/],
  ['checkpoint id with ../', (s) => s.get('/api/checkpoints/..%2F..%2Fmu'), 400, /^params\.id must match pattern/],

  // Query strings
  ['forget class filter that is not a number', (s) => s.get('/api/results?forgetClass=cat'), 400, /^querystring\.forgetClass must be integer \(got "cat"\)$/],
  ['unknown list view', (s) => s.get('/api/results?view=everything'), 400, /^querystring\.view must be one of "headline", "summary"/],
  ['unknown query parameter', (s) => s.get('/api/results?sort=UA'), 400, /^querystring has unknown field sort$/],
  ['export format', (s) => s.get('/api/results/export?format=xlsx'), 400, /^querystring\.format must be one of "csv", "json" \(got "xlsx"\)$/],
  ['export ids with a path', (s) => s.get('/api/results/export?format=csv&ids=ref0-0000,..%2Fetc'), 400, /^querystring\.ids must be comma-separated record ids/],
  ['baselines of an unknown dataset', (s) => s.get('/api/baselines?dataset=imagenet&architecture=small-cnn'), 400, /^unknown dataset: imagenet/],
  ['estimates of an unknown architecture', (s) => s.get('/api/estimates?dataset=cifar10-mini&architecture=vgg'), 400, /^unknown architecture/],
  ['estimates without a dataset', (s) => s.get('/api/estimates?architecture=small-cnn'), 400, /dataset/],

  // Uploads: wrong type, corrupt, oversized
  ['import that is not multipart', (s) => s.post('/api/imports/results', { files: [] }), 415, /^expected a multipart\/form-data upload$/],
  ['import without files', (s) => s.upload('/api/imports/results', []), 400, /.+/],
  ['corrupt result file', (s) => s.upload('/api/imports/results', [{ field: 'files', name: 'broken.json', content: '{"ID": "0000", "FC": 0,' }]), 400, /^broken\.json: not a reference result file: invalid JSON/],
  ['JSON that is no result file', (s) => s.upload('/api/imports/results', [{ field: 'files', name: 'other.json', content: '{"hello": "world"}' }]), 400, /^other\.json: /],
  ['result file with class-free evaluation', (s) => s.upload('/api/imports/results', [{ field: 'files', name: 'na.json', content: fixture('0000.json').replace('"FC": 0', '"FC": "N/A"') }]), 400, /^na\.json: .*FC/],
  ['older-schema file whose point labels disagree with CIFAR-10', (s) => s.upload('/api/imports/results', [{ field: 'files', name: 'mislabelled.json', content: mislabelled('f48d.json') }]), 400, /^mislabelled\.json: points do not match CIFAR-10: points\[\d+\] has gt \d but image \d+ is class \d$/],
  ['one bad file among good ones', (s) => s.upload('/api/imports/results', [...fixtureUploads(['f48d.json']), { field: 'files', name: 'bad.json', content: 'nope' }]), 400, /^bad\.json: /],
  ['oversized result file', (s) => s.upload('/api/imports/results', [{ field: 'files', name: 'huge.json', content: ' '.repeat(UPLOAD_LIMIT + 10) }]), 413, /^file huge\.json is larger than the upload limit/],
  ['checkpoint without weights', (s) => s.upload('/api/imports/checkpoints', [{ field: 'meta', name: 'm.json', content: '{}' }]), 400, /^upload is missing the weights file$/],
  ['checkpoint with corrupt metadata', (s) => s.upload('/api/imports/checkpoints', [{ field: 'meta', name: 'm.json', content: '{"format":' }, { field: 'weights', name: 'w.bin', content: new Uint8Array(8) }]), 400, /^checkpoint metadata is not valid JSON$/],
  ['checkpoint of an unknown format', (s) => s.upload('/api/imports/checkpoints', [{ field: 'meta', name: 'm.json', content: '{"format":"pickle"}' }, { field: 'weights', name: 'w.bin', content: new Uint8Array(8) }]), 400, /^checkpoint metadata is not a mu-checkpoint file$/],
  ['checkpoint weights that do not fit', (s) => s.upload('/api/imports/checkpoints', [{ field: 'meta', name: 'm.json', content: JSON.stringify(smallCnnCheckpoint().meta) }, { field: 'weights', name: 'w.bin', content: new Uint8Array(12) }]), 400, /^checkpoint weights have 12 bytes \(expected \d+ for small-cnn\)$/],
  ['oversized checkpoint weights', (s) => s.upload('/api/imports/checkpoints', [{ field: 'meta', name: 'm.json', content: JSON.stringify(smallCnnCheckpoint().meta) }, { field: 'weights', name: 'w.bin', content: new Uint8Array(UPLOAD_LIMIT + 4) }]), 413, /^file w\.bin is larger than the upload limit/],
  ['checkpoint upload field of another name', (s) => s.upload('/api/imports/checkpoints', [{ field: 'script', name: 'x.sh', content: 'rm -rf /' }]), 400, /^unexpected upload field script/],
  ['JSON body over the size limit', (s) => s.post('/api/jobs', { ...unlearn, label: 'x'.repeat(2 * UPLOAD_LIMIT) }), 413, /too large/i],
  ['unknown route', (s) => s.get('/api/models'), 404, /^no route for GET at this path/],
];

describe('bad input', () => {
  let s: TestServer;
  let before: { results: string; records: string[]; checkpoints: string; files: string[] };
  let finishedJob: string;

  beforeAll(async () => {
    s = await startTestServer({ uploadLimit: UPLOAD_LIMIT, bodyLimit: UPLOAD_LIMIT });
    expect((await s.upload('/api/imports/results', fixtureUploads())).status).toBe(201);
    const results = await s.get('/api/results?view=summary');
    before = {
      results: results.text,
      records: await Promise.all(results.body.map(async (r: { id: string }) => (await s.get(`/api/results/${r.id}`)).text)),
      checkpoints: (await s.get('/api/checkpoints')).text,
      files: readdirSync(path.join(s.dataDir, 'checkpoints')),
    };
  });
  afterAll(async () => {
    await s?.close();
  });

  it.each(cases)('%s', async (_name, request, status, message) => {
    const res = await request(s);
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ statusCode: status, error: expect.any(String) });
    expect(res.body.message).toMatch(message);
    expect(res.body.message).not.toContain('\n');
  });

  it('cancelling a job cancelled during training → 409 naming its state', async () => {
    const job = await s.post('/api/jobs', { kind: 'original', ...scope, epochs: 1 });
    expect(job.status).toBe(201);
    finishedJob = job.body.id;
    // Cancelled in the middle of training: it ends and leaves no checkpoint.
    await s.events(`/api/jobs/${finishedJob}/events`, { timeoutMs: 120_000, until: (e) => e.event === 'progress' && e.data.stage === 'training' && e.data.batch >= 1 });
    expect((await s.post(`/api/jobs/${finishedJob}/cancel`)).status).toBe(202);
    expect((await s.finished(finishedJob, 120_000)).status).toBe('cancelled');
    const again = await s.post(`/api/jobs/${finishedJob}/cancel`);
    expect(again.status).toBe(409);
    expect(again.body.message).toBe(`job ${finishedJob} is already cancelled`);
  });

  it('stays up, and no stored result or checkpoint changed', async () => {
    // The server itself answered every bad request with a 4xx, and nothing with a 5xx.
    expect(s.statuses.filter((code) => code >= 500)).toEqual([]);
    expect(s.statuses.filter((code) => code >= 400).length).toBeGreaterThanOrEqual(cases.length + 1);
    expect((await s.get('/api/health')).body.status).toBe('ok');
    const results = await s.get('/api/results?view=summary');
    expect(results.text).toBe(before.results);
    const records = await Promise.all(results.body.map(async (r: { id: string }) => (await s.get(`/api/results/${r.id}`)).text));
    expect(records).toEqual(before.records);
    expect((await s.get('/api/checkpoints')).text).toBe(before.checkpoints);
    expect(readdirSync(path.join(s.dataDir, 'checkpoints'))).toEqual(before.files);
    // Unchanged results keep their ETag: a client's cached list stays valid.
    const list = await s.get('/api/results');
    const etag = list.headers.get('etag')!;
    expect((await s.request('GET', '/api/results', { headers: { 'if-none-match': etag } })).status).toBe(304);
  });
});
