import type { BackendReport } from '@mu/schema';
import { ComputeWorker } from './computeWorker.js';
import type { ExecutorHandlers, JobExecutor } from './jobExecutor.js';
import type { WorkerJob, WorkerSetup } from './messages.js';

/**
 * The embedded executor: up to `concurrency` compute worker threads in this process, one job
 * each, started on demand and reused. A thread that crashes loses its job; a new one replaces it.
 */
export class ThreadExecutor implements JobExecutor {
  readonly mode = 'embedded' as const;
  backend: BackendReport | null = null;
  private readonly threads = new Set<ComputeWorker>();
  /** Jobs cancelled while their worker was still starting. */
  private readonly cancelled = new Set<string>();
  private handlers: ExecutorHandlers | null = null;

  constructor(private readonly setup: WorkerSetup, private readonly concurrency: number) {}

  /** Starts one thread at once: its engine reports the backend (health, estimates) before any job ran. */
  async open(handlers: ExecutorHandlers): Promise<void> {
    this.handlers = handlers;
    if (this.threads.size === 0 && this.concurrency > 0) this.spawn();
  }

  hasCapacity(): boolean {
    return this.idleWorker() !== undefined || this.threads.size < this.concurrency;
  }

  run(job: WorkerJob): void {
    const handlers = this.handlers!;
    const chosen = this.idleWorker() ?? this.spawn();
    chosen.jobId = job.id;
    chosen.ready.then(
      () => {
        if (!this.cancelled.delete(job.id)) return chosen.run(job);
        chosen.jobId = null;
        handlers.onMessage({ type: 'done', jobId: job.id, outcome: 'cancelled', error: null }, () => undefined);
      },
      (error: Error) => {
        this.threads.delete(chosen);
        void chosen.terminate();
        if (chosen.jobId !== job.id) return;
        chosen.jobId = null;
        this.cancelled.delete(job.id);
        handlers.onMessage({ type: 'done', jobId: job.id, outcome: 'failed', error: error.message }, () => undefined);
      },
    );
  }

  cancel(jobId: string): void {
    const worker = this.workerOf(jobId);
    if (!worker) return;
    this.cancelled.add(jobId);
    worker.send({ type: 'cancel', jobId });
  }

  async forceStop(jobId: string): Promise<boolean> {
    const worker = this.workerOf(jobId);
    if (!worker) return false;
    this.threads.delete(worker);
    this.cancelled.delete(jobId);
    await worker.terminate();
    return true;
  }

  /** Worker threads end with the server: nothing survives a restart. */
  async held(): Promise<string[]> {
    return [];
  }

  async workers(): Promise<null> {
    return null;
  }

  async close(): Promise<string[]> {
    const running = [...this.threads].map((w) => w.jobId).filter((id): id is string => id !== null);
    await Promise.all([...this.threads].map((w) => w.terminate()));
    this.threads.clear();
    return running;
  }

  private spawn(): ComputeWorker {
    const handlers = this.handlers!;
    const worker = new ComputeWorker(this.setup, {
      onMessage: (w, m) => {
        if (!('jobId' in m)) return;
        if (m.type === 'done' && w.jobId === m.jobId) {
          w.jobId = null;
          this.cancelled.delete(m.jobId);
        }
        handlers.onMessage(m, (reply) => w.send(reply));
      },
      onExit: (w, reason) => this.onExit(w, reason),
    });
    this.threads.add(worker);
    worker.ready.then((backend) => (this.backend = backend)).catch(() => undefined);
    return worker;
  }

  private idleWorker(): ComputeWorker | undefined {
    return [...this.threads].find((w) => w.alive && w.jobId === null);
  }

  private workerOf(jobId: string): ComputeWorker | undefined {
    return [...this.threads].find((w) => w.jobId === jobId);
  }

  private onExit(worker: ComputeWorker, reason: string): void {
    this.threads.delete(worker);
    const id = worker.jobId;
    if (id === null) return;
    worker.jobId = null;
    this.cancelled.delete(id);
    this.handlers!.onLost(id, reason);
  }
}
