import type { Job, JobProgress } from './types.js';

export interface JobEventHandlers {
  job(job: Job): void;
  progress(progress: JobProgress & { jobId: string }): void;
  /** The stream (re)opened: the caller refetches the job list to catch what it missed. */
  open(): void;
  error(): void;
}

/**
 * Subscribes to every job's events (GET /api/jobs/events). EventSource reconnects by itself after
 * a server restart; each reopening calls `open` so that state is rebuilt from the server.
 */
export function subscribeJobEvents(handlers: JobEventHandlers): () => void {
  if (typeof EventSource === 'undefined') return () => {};
  const source = new EventSource('/api/jobs/events');
  source.addEventListener('open', () => handlers.open());
  source.addEventListener('error', () => handlers.error());
  source.addEventListener('job', (e) => handlers.job(JSON.parse((e as MessageEvent<string>).data) as Job));
  source.addEventListener('progress', (e) => handlers.progress(JSON.parse((e as MessageEvent<string>).data) as JobProgress & { jobId: string }));
  return () => source.close();
}
