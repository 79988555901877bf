import type { BackendReport } from '@mu/schema';
import type { FromWorker, ToWorker, WorkerJob } from './messages.js';
import type { WorkerHeartbeat } from './remoteQueue.js';

/** What a job's runner reports once it has started: progress, outputs to commit, the outcome. */
export type RunnerMessage = Extract<FromWorker, { jobId: string }>;

export interface ExecutorHandlers {
  /** `reply` answers a `commit` with `committed`. */
  onMessage(message: RunnerMessage, reply: (message: ToWorker) => void): void;
  /** The job's runner went away (crash, exit) before it reported `done`. */
  onLost(jobId: string, reason: string): void;
}

export type QueueMode = 'embedded' | 'bullmq';

/**
 * Where the queue's compute jobs run: worker threads of this process (the default) or remote
 * workers that take them from a BullMQ queue on Redis. The job queue keeps the store, the
 * sweeps and the events; an executor only runs what it is given and reports back.
 */
export interface JobExecutor {
  readonly mode: QueueMode;
  /** The compute backend of the embedded workers (null until one has started, or remote). */
  readonly backend: BackendReport | null;
  /** Connects; throws one line when the executor cannot work (the server then refuses to start). */
  open(handlers: ExecutorHandlers): Promise<void>;
  /** Whether another job can be handed over now. */
  hasCapacity(): boolean;
  run(job: WorkerJob): void;
  /** Asks a running job to stop; it ends with `done` (cancelled) or is lost. */
  cancel(jobId: string): void;
  /** Last resort for a job that ignored `cancel`; false when it no longer runs here. */
  forceStop(jobId: string): Promise<boolean>;
  /** Of the jobs a previous server left running, those this executor still has (after a restart). */
  held(jobIds: string[]): Promise<string[]>;
  /** The remote workers heard from lately (null: the jobs run in this process, or the queue does not answer). */
  workers(): Promise<WorkerHeartbeat[] | null>;
  /** Stops taking jobs; resolves with the ids of the jobs that stopped running because of it. */
  close(): Promise<string[]>;
}
