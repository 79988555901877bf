import type { Job } from '../api/types.js';

const STATUS_ORDER: Record<Job['status'], number> = { queued: 0, running: 1, succeeded: 2, failed: 2, cancelled: 2, interrupted: 2 };

/**
 * The later of two reports of one job. Reports come by two roads (replies to requests and the
 * event stream) and can arrive out of order: a cancel's reply (still running) can land after the
 * event that the job was cancelled. A job only moves forward (queued → running → finished), so a
 * report of an earlier status is stale and would otherwise leave a finished job showing as live.
 */
export function latestJob(held: Job | undefined, incoming: Job): Job {
  if (!held) return incoming;
  return STATUS_ORDER[incoming.status] < STATUS_ORDER[held.status] ? held : incoming;
}

/** The later report of each job in `reports` against those held, by id (only the reported jobs). */
export function latestJobs(held: Record<string, Job>, reports: Job[]): Record<string, Job> {
  return Object.fromEntries(reports.map((j) => [j.id, latestJob(held[j.id], j)]));
}
