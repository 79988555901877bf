import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/testServer.js';

// Hyperparameters are JSON numbers and booleans: a string standing for one is refused with a 400
// naming the parameter, so that one setting has one form (a sweep grid cannot hold 0.001 and
// "0.001" as two runs); a boolean parameter is swept only when its descriptor says so.
const unlearn = { kind: 'unlearn', dataset: 'cifar10-mini', architecture: 'small-cnn', forgetClass: 3 };
const sweep = { ...unlearn, kind: 'sweep' };

describe('POST /api/jobs: hyperparameter types', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => {
    await s?.close();
  });

  it.each([
    ['a number as a string', { ...unlearn, method: 'ga', params: { lr: '0.001' } }, 'invalid lr: "0.001" (expected a JSON number, not a string)'],
    ['a hexadecimal string', { ...unlearn, method: 'ga', params: { epochs: '0x1' } }, 'invalid epochs: "0x1" (expected a JSON number, not a string)'],
    ['a padded string', { ...unlearn, method: 'ga', params: { epochs: ' 1 ' } }, 'invalid epochs: " 1 " (expected a JSON number, not a string)'],
    ['a boolean as a string', { ...unlearn, method: 'scrub', params: { referenceFisherVariant: 'true' } }, 'invalid referenceFisherVariant: "true" (expected true or false, not a string)'],
    ['a grid holding 0.001 and "0.001"', { ...sweep, method: 'ga', grid: { lr: [0.001, '0.001'] } }, 'invalid lr: "0.001" (expected a JSON number, not a string)'],
    ['a sweep over a boolean parameter', { ...sweep, method: 'scrub', grid: { referenceFisherVariant: [true, false] } }, 'parameter referenceFisherVariant of scrub cannot be swept (its descriptor does not mark it sweepable)'],
  ])('refuses %s with a 400 naming the parameter, and queues nothing', async (_name, body, message) => {
    const res = await s.post('/api/jobs', body);
    expect([res.status, res.body.message]).toEqual([400, message]);
    expect((await s.get('/api/jobs')).body).toEqual([]);
  });

  it('still takes a boolean parameter with one value in a sweep grid (the Model Builder sends every parameter)', async () => {
    const res = await s.post('/api/jobs', { ...sweep, method: 'scrub', grid: { lr: [0.001, 0.002], referenceFisherVariant: [true] } });
    // Past the parameter checks: refused only for want of an Original on this fresh server.
    expect([res.status, res.body.message]).toEqual([409, 'no Original model for cifar10-mini / small-cnn: build one first (a job of kind original)']);
  });
});
