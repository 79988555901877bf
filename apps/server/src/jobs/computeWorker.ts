import { Worker } from 'node:worker_threads';
import type { FromWorker, ToWorker, WorkerJob, WorkerSetup } from './messages.js';

export interface ComputeWorkerEvents {
  onMessage(worker: ComputeWorker, message: FromWorker): void;
  /** The thread ended unexpectedly (crash, out of memory, startup failure) or was terminated. */
  onExit(worker: ComputeWorker, reason: string): void;
}

/**
 * The main thread's handle on one compute worker thread: starts it, waits until its engine is
 * ready, hands it one job at a time, and ends it (terminate() is the last resort of a cancel).
 */
export class ComputeWorker {
  private readonly thread: Worker;
  private exited = false;
  /** Resolves with the backend once the worker's engine has started; rejects when startup fails. */
  readonly ready: Promise<{ name: string; threads: number | null }>;
  jobId: string | null = null;

  constructor(setup: WorkerSetup, private readonly events: ComputeWorkerEvents) {
    this.thread = new Worker(new URL('./workerEntry.mjs', import.meta.url), { workerData: setup, execArgv: [] });
    this.ready = new Promise((resolve, reject) => {
      this.thread.on('message', (message: FromWorker) => {
        if (message.type === 'ready') resolve(message.backend);
        else if (message.type === 'startup-failed') reject(new Error(`compute worker failed to start: ${message.error}`));
        else this.events.onMessage(this, message);
      });
      this.thread.on('error', (error) => {
        reject(error);
        this.exit(`compute worker crashed: ${error.message.split('\n')[0]}`);
      });
      this.thread.on('exit', (code) => {
        reject(new Error(`compute worker exited with code ${code}`));
        this.exit(`compute worker exited with code ${code}`);
      });
    });
    this.ready.catch(() => undefined);
  }

  get alive(): boolean {
    return !this.exited;
  }

  run(job: WorkerJob): void {
    this.jobId = job.id;
    this.send({ type: 'run', job });
  }

  send(message: ToWorker): void {
    if (!this.exited) this.thread.postMessage(message);
  }

  async terminate(): Promise<void> {
    if (this.exited) return;
    this.exited = true;
    await this.thread.terminate();
  }

  private exit(reason: string): void {
    if (this.exited) return;
    this.exited = true;
    this.events.onExit(this, reason);
  }
}
