import type { StateCreator } from 'zustand';
import { api } from '../api/client.js';
import type { QuickStartRequest } from '@mu/schema';
import type { Job, JobProgress, JobSpec } from '../api/types.js';
import { latestJob, latestJobs } from '../derive/latestJob.js';
import type { AppState } from './store.js';

const FINISHED = new Set(['succeeded', 'failed', 'cancelled', 'interrupted']);
export const isLive = (job: Job) => !FINISHED.has(job.status);

/** Jobs as the server reports them (list + pushed events); nothing here is ever persisted. */
export interface JobsSlice {
  jobs: Record<string, Job>;
  /** When each job was queued from this page (to know whether B was pinned since). */
  queuedAt: Record<string, number>;
  selectedJob: string | null;
  eventsConnected: boolean;
  /** Whether the server's job list has arrived once (before that, an empty list means nothing). */
  jobsLoaded: boolean;
  loadJobs(): Promise<void>;
  receiveJob(job: Job): void;
  receiveProgress(p: JobProgress & { jobId: string }): void;
  submitJob(spec: JobSpec): Promise<Job | null>;
  /** Queues a Quick start (POST /api/jobs/quick-start); resolves with its jobs, [] after an error (toasted). */
  quickStart(body: QuickStartRequest): Promise<Job[]>;
  cancelJob(id: string): Promise<void>;
  selectJob(id: string | null): void;
  setEventsConnected(connected: boolean): void;
}

export const createJobsSlice: StateCreator<AppState, [], [], JobsSlice> = (set, get) => ({
  jobs: {},
  queuedAt: {},
  selectedJob: null,
  eventsConnected: false,
  jobsLoaded: false,
  loadJobs: async () => {
    try {
      const list = await api.jobs();
      set({ jobs: latestJobs(get().jobs, list), jobsLoaded: true });
    } catch (e) {
      get().toast('error', (e as Error).message);
    }
  },
  receiveJob: (job) => {
    const before = get().jobs[job.id];
    const latest = latestJob(before, job);
    if (latest === before) return;
    set({ jobs: { ...get().jobs, [job.id]: latest } });
    if (before && isLive(before) && !isLive(latest)) get().onJobFinished(latest);
  },
  receiveProgress: (p) => {
    const job = get().jobs[p.jobId];
    if (!job) return;
    const { jobId: _jobId, ...progress } = p;
    set({ jobs: { ...get().jobs, [p.jobId]: { ...job, status: job.status === 'queued' ? 'running' : job.status, progress } } });
  },
  submitJob: async (spec) => {
    try {
      const job = await api.createJob(spec);
      const { jobs, queuedAt } = get();
      set({ jobs: { ...jobs, ...latestJobs(jobs, [job]) }, queuedAt: { ...queuedAt, [job.id]: Date.now() } });
      return job;
    } catch (e) {
      get().toast('error', (e as Error).message);
      return null;
    }
  },
  quickStart: async (body) => {
    try {
      const queued = await api.quickStart(body);
      const now = Date.now();
      const { jobs, queuedAt } = get();
      set({ jobs: { ...jobs, ...latestJobs(jobs, queued) }, queuedAt: { ...queuedAt, ...Object.fromEntries(queued.map((j) => [j.id, now])) } });
      return queued;
    } catch (e) {
      get().toast('error', (e as Error).message);
      return [];
    }
  },
  cancelJob: async (id) => {
    try {
      get().receiveJob(await api.cancelJob(id));
    } catch (e) {
      get().toast('error', (e as Error).message);
    }
  },
  selectJob: (selectedJob) => set({ selectedJob }),
  setEventsConnected: (eventsConnected) => set({ eventsConnected }),
});
