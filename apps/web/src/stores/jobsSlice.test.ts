import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../api/client.js';
import type { Job } from '../api/types.js';
import { resetStore, useAppStore } from './store.js';

afterEach(() => {
  vi.restoreAllMocks();
  resetStore();
});

const job = (patch: Partial<Job>): Job => ({
  id: 'a1b2c3d4', kind: 'retrained', status: 'running', spec: {}, parentId: null, childIds: [],
  createdAt: '2026-12-04T18:00:00.000Z', startedAt: '2026-12-04T18:00:01.000Z', finishedAt: null,
  error: null, cancelRequested: false, resultIds: [], checkpointIds: [], progress: null, ...patch,
});

describe('jobs slice', () => {
  it('keeps a cancelled job cancelled when the cancel reply (still running) arrives after the event', async () => {
    useAppStore.getState().receiveJob(job({}));
    let reply!: (j: Job) => void;
    vi.spyOn(api, 'cancelJob').mockReturnValue(new Promise((resolve) => (reply = resolve)));
    const cancelling = useAppStore.getState().cancelJob('a1b2c3d4');
    useAppStore.getState().receiveJob(job({ status: 'cancelled', finishedAt: '2026-12-04T18:00:02.000Z' }));
    reply(job({ cancelRequested: true }));
    await cancelling;
    expect(useAppStore.getState().jobs.a1b2c3d4.status).toBe('cancelled');
  });

  it('keeps a finished job finished when a job list fetched before it ended arrives', async () => {
    useAppStore.getState().receiveJob(job({}));
    let list!: (jobs: Job[]) => void;
    vi.spyOn(api, 'jobs').mockReturnValue(new Promise((resolve) => (list = resolve)));
    const loading = useAppStore.getState().loadJobs();
    useAppStore.getState().receiveJob(job({ status: 'failed', error: 'out of memory' }));
    list([job({}), job({ id: 'e5f6a7b8', status: 'queued', startedAt: null })]);
    await loading;
    const { jobs } = useAppStore.getState();
    expect(jobs.a1b2c3d4.status).toBe('failed');
    expect(jobs.e5f6a7b8.status).toBe('queued');
  });

  it('keeps a job that failed at once failed when the reply that queued it arrives after the event', async () => {
    let reply!: (j: Job) => void;
    vi.spyOn(api, 'createJob').mockReturnValue(new Promise((resolve) => (reply = resolve)));
    const submitting = useAppStore.getState().submitJob({ kind: 'retrained', dataset: 'cifar10-mini', architecture: 'small-cnn', forgetClass: 1 });
    useAppStore.getState().receiveJob(job({ status: 'failed', error: 'no Original model for cifar10-mini / small-cnn' }));
    reply(job({ status: 'queued', startedAt: null }));
    await submitting;
    expect(useAppStore.getState().jobs.a1b2c3d4.status).toBe('failed');
  });

  it('takes later reports of a job: queued, then running, then succeeded', () => {
    const s = useAppStore.getState();
    s.receiveJob(job({ status: 'queued', startedAt: null }));
    s.receiveJob(job({ status: 'running', cancelRequested: true }));
    expect(useAppStore.getState().jobs.a1b2c3d4).toMatchObject({ status: 'running', cancelRequested: true });
    s.receiveJob(job({ status: 'succeeded', resultIds: ['r1'] }));
    expect(useAppStore.getState().jobs.a1b2c3d4).toMatchObject({ status: 'succeeded', resultIds: ['r1'] });
  });
});
