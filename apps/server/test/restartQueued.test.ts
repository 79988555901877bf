import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnServer, type ServerProcess } from './helpers/serverProcess.js';

// Jobs queued but not started when the server stops run when it starts again on the same data.
const scope = { dataset: 'cifar10-mini', architecture: 'small-cnn' };

describe('restart with queued jobs', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mu-server-restart-queued-'));
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    for (const s of servers) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs the jobs that were still queued, after the one that was running is marked interrupted', async () => {
    const first = await spawnServer({ MU_DATA_DIR: dataDir, MU_JOB_CONCURRENCY: '1' });
    servers.push(first);
    const running = await first.post('/api/jobs', { kind: 'original', ...scope, epochs: 50 });
    const queued = await first.post('/api/jobs', { kind: 'original', ...scope, epochs: 1, evaluateEachEpoch: false });
    expect([running.status, queued.status]).toEqual([201, 201]);
    await first.events(`/api/jobs/${running.body.id}/events`, { until: (e) => e.event === 'progress' && e.data.stage === 'training' });
    expect((await first.get(`/api/jobs/${queued.body.id}`)).body.status).toBe('queued');
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe('0');

    const second = await spawnServer({ MU_DATA_DIR: dataDir, MU_JOB_CONCURRENCY: '1' });
    servers.push(second);
    expect((await second.get(`/api/jobs/${running.body.id}`)).body.status).toBe('interrupted');
    const done = await second.finished(queued.body.id, 240_000);
    expect(done).toMatchObject({ status: 'succeeded', error: null });
    expect(done.checkpointIds).toHaveLength(1);
    expect((await second.get(`/api/checkpoints/${done.checkpointIds[0]}`)).body).toMatchObject({ role: 'original', ...scope });

    second.child.kill('SIGTERM');
    expect(await second.exited).toBe('0');
  }, 480_000);
});
