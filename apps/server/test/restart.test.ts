import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureUploads } from './helpers/fixtures.js';
import { spawnServer, type ServerProcess } from './helpers/serverProcess.js';

// A server killed with SIGKILL in the middle of training, then started again on the same data.
const scope = { dataset: 'cifar10-mini', architecture: 'small-cnn' };

describe('restart after SIGKILL', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mu-server-restart-'));
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    for (const s of servers) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every earlier result, marks the training job interrupted, and runs a new job normally', async () => {
    const first = await spawnServer({ MU_DATA_DIR: dataDir });
    servers.push(first);
    expect((await first.upload('/api/imports/results', fixtureUploads())).status).toBe(201);
    const snapshot = async (s: ServerProcess) => {
      const list = await s.get('/api/results?view=summary');
      return { list: list.text, records: await Promise.all(list.body.map(async (r: { id: string }) => (await s.get(`/api/results/${r.id}`)).text)) };
    };
    const before = await snapshot(first);
    expect(before.records).toHaveLength(5);

    const job = await first.post('/api/jobs', { kind: 'original', ...scope, epochs: 3 });
    expect(job.status).toBe(201);
    await first.events(`/api/jobs/${job.body.id}/events`, { until: (e) => e.event === 'progress' && e.data.stage === 'training' && e.data.batch >= 3 });
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');

    const second = await spawnServer({ MU_DATA_DIR: dataDir });
    servers.push(second);
    const interrupted = await second.get(`/api/jobs/${job.body.id}`);
    expect(interrupted.body).toMatchObject({ status: 'interrupted', error: 'the server stopped while the job was running', resultIds: [], checkpointIds: [] });
    expect(interrupted.body.progress).toMatchObject({ stage: 'training' });
    expect(await snapshot(second)).toEqual(before);
    expect(readdirSync(path.join(dataDir, 'checkpoints'))).toEqual([]);
    expect(existsSync(path.join(dataDir, 'staging', job.body.id))).toBe(false);

    const next = await second.post('/api/jobs', { kind: 'original', ...scope, epochs: 1, evaluateEachEpoch: false });
    expect(next.status).toBe(201);
    const done = await second.finished(next.body.id, 180_000);
    expect(done).toMatchObject({ status: 'succeeded', error: null });
    expect((await second.get(`/api/checkpoints/${done.checkpointIds[0]}`)).body).toMatchObject({ role: 'original', dataset: 'cifar10-mini' });
    expect(await snapshot(second)).toEqual(before);

    second.child.kill('SIGTERM');
    expect(await second.exited).toBe('0');
  });
});
