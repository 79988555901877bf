import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { readStateDict } from '@mu/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickleCalling, pthAround } from '../../../packages/engine/test/fixtures/craftedPickles.js';
import { pytorchFixtureFile } from '../../../packages/engine/test/fixtures/pytorchFixture.js';
import { startTestServer, type TestServer } from './helpers/testServer.js';

const query = (q: Record<string, string | number>) => new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)])).toString();
const scope = { dataset: 'cifar10-mini', architecture: 'small-cnn' };

describe('POST /api/imports/weights', () => {
  let s: TestServer;
  const upload = (q: Record<string, string | number>, name: string, content: Uint8Array) =>
    s.upload(`/api/imports/weights?${query(q)}`, [{ field: 'file', name, content: new Uint8Array(content) }]);
  const finished = async (jobId: string) => {
    const events = await s.events(`/api/jobs/${jobId}/events`, { timeoutMs: 600_000, until: (e) => e.event === 'end' });
    expect(events.some((e) => e.event === 'progress')).toBe(true);
    return (await s.get(`/api/jobs/${jobId}`)).body;
  };
  const uploads = () => (existsSync(path.join(s.dataDir, 'uploads')) ? readdirSync(path.join(s.dataDir, 'uploads')) : []);

  beforeAll(async () => {
    s = await startTestServer({ uploadLimit: 1024 * 1024 });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('is documented in the OpenAPI document, with its query', async () => {
    const doc = (await s.get('/docs/json')).body;
    const params = doc.paths['/api/imports/weights'].post.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(['dataset', 'architecture', 'role', 'forgetClass']));
  });

  it('refuses an unlearned model while there is no Original (409), and keeps nothing', async () => {
    const r = await upload({ ...scope, forgetClass: 3 }, 'm.pth', pytorchFixtureFile('small-cnn.pth'));
    expect([r.status, r.body.message]).toEqual([409, 'no Original model for cifar10-mini / small-cnn: build one first (a job of kind original)']);
    expect(uploads()).toEqual([]);
  });

  it('imports an Original, then an unlearned model evaluated as a job with progress; both download back as PyTorch', async () => {
    const first = await upload({ ...scope, role: 'original' }, 'full.pth', pytorchFixtureFile('small-cnn.pth'));
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ kind: 'import', spec: { role: 'original', forgetClass: null, fileName: 'full.pth' } });
    const original = await finished(first.body.id);
    expect(original.status).toBe('succeeded');
    expect((await s.get(`/api/checkpoints/${original.checkpointIds[0]}`)).body).toMatchObject({ role: 'original', architecture: 'small-cnn' });

    const second = await upload({ ...scope, role: 'unlearned', forgetClass: 3 }, 'mine.safetensors', pytorchFixtureFile('small-cnn.safetensors'));
    expect(second.status).toBe(201);
    const unlearned = await finished(second.body.id);
    expect(unlearned.status).toBe('succeeded');
    expect(unlearned.resultIds).toHaveLength(1);
    const record = (await s.get(`/api/results/${unlearned.resultIds[0]}`)).body;
    expect(record).toMatchObject({ role: 'unlearned', label: 'mine.safetensors', config: { forgetClass: 3, method: { id: 'upload' } } });
    expect(uploads()).toEqual([]);

    const r = await fetch(`${s.url}/api/checkpoints/${unlearned.checkpointIds[0]}/weights?format=pth`);
    const got = readStateDict(new Uint8Array(await r.arrayBuffer())).stateDict;
    const want = readStateDict(pytorchFixtureFile('small-cnn.pth')).stateDict;
    expect([...got.keys()]).toEqual([...want.keys()]);
    for (const [name, t] of want) expect(Buffer.from(got.get(name)!.values.buffer).equals(Buffer.from(t.values.buffer)), name).toBe(true);
  }, 900_000);

  describe('bad input: 4xx with one line, no job, nothing kept', () => {
    const jobCount = async () => (await s.get('/api/jobs')).body.length;

    it.each([
      ['a pickle naming os.system', pthAround(pickleCalling('os', 'system', 'touch /tmp/x')), 400, 'pickle refers to os.system, which a state dict never needs'],
      ['a pickle naming builtins.eval', pthAround(pickleCalling('builtins', 'eval', '1')), 400, 'pickle refers to builtins.eval'],
      ['a pickle naming subprocess.Popen', pthAround(pickleCalling('subprocess', 'Popen', 'x')), 400, 'pickle refers to subprocess.Popen'],
      ['a truncated zip', pytorchFixtureFile('small-cnn.pth').subarray(0, 4000), 400, 'the .pth file is not a readable zip archive'],
      ['a legacy .pth', Uint8Array.from([0x80, 2, 0x8a, 0x0a, 0x2e]), 400, 'legacy (before PyTorch 1.6) format'],
      ['the wrong architecture', pytorchFixtureFile('resnet18-w8.pth'), 400, 'the weights do not fit small-cnn: missing block1.conv.weight'],
      ['a file over the upload limit', new Uint8Array(2 * 1024 * 1024), 413, 'larger than the upload limit'],
    ])('%s', async (_what, content, status, message) => {
      const before = await jobCount();
      const r = await upload({ ...scope, role: 'original' }, 'x.pth', content);
      expect(r.status).toBe(status);
      expect(r.body.message).toContain(message);
      expect(r.body.message).not.toContain('\n');
      expect(await jobCount()).toBe(before);
      expect(uploads()).toEqual([]);
    });

    it('a Retrained or unlearned model without a forget class, an unknown role', async () => {
      expect((await upload({ ...scope, role: 'retrained' }, 'x.pth', pytorchFixtureFile('small-cnn.pth'))).body.message).toBe('a retrained model needs a forgetClass');
      expect((await upload({ ...scope, role: 'teacher' }, 'x.pth', pytorchFixtureFile('small-cnn.pth'))).status).toBe(400);
    });
  });
});
