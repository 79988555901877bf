import { randomBytes } from 'node:crypto';
import { describeDataset, readPytorchWeights } from '@mu/engine';
import type { BackendReport } from '@mu/schema';
import { as, conflict, notFound } from '../http/apiError.js';
import { FINISHED, type ComputeJobSpec, type ImportJobSpec, type Job, type JobProgress, type JobSpec, type JobStatus } from '../schemas/job.js';
import type { JobFilter } from '../store/jobsRepository.js';
import type { Store } from '../store/store.js';
import { ComputeWorker } from './computeWorker.js';
import type { JobEvents } from './jobEvents.js';
import type { FromWorker, JobInputs, WorkerSetup } from './messages.js';
import { planJob } from './planJob.js';

export interface JobQueueOptions {
  /** Compute jobs at once, one worker thread each. */
  concurrency: number;
  setup: WorkerSetup;
  /** How long a cancelled job may take to stop before its worker is terminated. */
  cancelGraceMs: number;
  log: { info(msg: string): void; warn(msg: string): void; error(msg: string): void };
}

/**
 * The persistent job queue. Jobs are rows in the store; the oldest queued compute job goes to an
 * idle worker thread, which owns the engine. Progress from the worker is numbered and published
 * on the event bus; outputs are committed to the store all at once; a cancelled, failed or
 * interrupted job leaves nothing behind. A sweep groups unlearn jobs and ends when they all have.
 */
export class JobQueue {
  private readonly workers = new Set<ComputeWorker>();
  private readonly cancelRequested = new Set<string>();
  private readonly progress = new Map<string, JobProgress>();
  private readonly hardCancel = new Map<string, NodeJS.Timeout>();
  /** Jobs whose outputs are being stored: too late to cancel them. */
  private readonly committing = new Set<string>();
  private seq = 0;
  private closing = false;
  backend: BackendReport | null = null;

  constructor(private readonly store: Store, private readonly events: JobEvents, private readonly options: JobQueueOptions) {}

  /** After a restart: jobs that were running are `interrupted`; queued ones run again. */
  start(): void {
    const interrupted = this.store.jobs.interruptRunning('the server stopped while the job was running');
    for (const id of interrupted) this.store.discardUpload(id);
    if (interrupted.length > 0) this.options.log.warn(`jobs interrupted by the last shutdown: ${interrupted.join(', ')}`);
    for (const sweep of this.store.jobs.list({ kind: 'sweep' }).filter((j) => !FINISHED.includes(j.status))) this.settleSweep(sweep.id);
    this.pump();
    // One worker from the start: its engine reports the backend (health, estimates) before any job ran.
    if (this.workers.size === 0 && this.options.concurrency > 0) this.spawnWorker();
  }

  /** Validates and queues a job (a sweep with its unlearn jobs). */
  create(spec: JobSpec): Job {
    if (this.closing) throw conflict('the server is shutting down');
    const plan = planJob(spec, this.store);
    const id = this.newId();
    this.store.db.transaction(() => {
      this.store.jobs.insert({ id, spec: plan.spec });
      for (const child of plan.children) this.store.jobs.insert({ id: this.newId(), spec: child, parentId: id });
    })();
    this.publish(id);
    for (const childId of this.store.jobs.get(id)!.childIds) this.publish(childId);
    this.pump();
    return this.get(id)!;
  }

  /**
   * Queues the import of uploaded PyTorch weights: the request and the file are checked first
   * (4xx, nothing kept), then the file is kept under the job's id until the job ends.
   */
  async createImport(spec: ImportJobSpec, bytes: Uint8Array): Promise<Job> {
    if (this.closing) throw conflict('the server is shutting down');
    planJob(spec, this.store);
    const dataset = describeDataset(spec.dataset);
    as(400, () => readPytorchWeights(bytes, { architecture: spec.architecture, inputChannels: dataset.inputShape[2], numClasses: dataset.numClasses }));
    const id = this.newId();
    await this.store.keepUpload(id, bytes);
    this.store.jobs.insert({ id, spec });
    this.publish(id);
    this.pump();
    return this.get(id)!;
  }

  get(id: string): Job | null {
    const job = this.store.jobs.get(id);
    if (!job) return null;
    return { ...job, cancelRequested: this.cancelRequested.has(id), progress: this.progress.get(id) ?? job.progress };
  }

  list(filter: JobFilter = {}): Job[] {
    return this.store.jobs.list(filter).map((j) => ({ ...j, cancelRequested: this.cancelRequested.has(j.id), progress: this.progress.get(j.id) ?? j.progress }));
  }

  counts(): { queued: number; running: number } {
    return { queued: this.store.jobs.countByStatus('queued'), running: this.store.jobs.countByStatus('running') };
  }

  /**
   * Cancels a queued job at once; a running one is asked to stop (it ends `cancelled` within a
   * batch, or its worker is terminated after the grace period); a sweep cancels its jobs.
   */
  cancel(id: string): Job {
    const job = this.store.jobs.get(id);
    if (!job) throw notFound(`unknown job: ${id}`);
    if (FINISHED.includes(job.status)) throw conflict(`job ${id} is already ${job.status}`);
    if (this.cancelRequested.has(id)) return this.get(id)!;
    this.cancelRequested.add(id);
    if (job.kind === 'sweep') {
      for (const childId of job.childIds) {
        const child = this.store.jobs.get(childId)!;
        if (!FINISHED.includes(child.status)) this.cancel(childId);
      }
      this.settleSweep(id);
    } else if (job.status === 'queued') {
      this.finish(id, 'cancelled', null);
    } else {
      const worker = this.workerOf(id);
      worker?.send({ type: 'cancel', jobId: id });
      this.hardCancel.set(
        id,
        setTimeout(() => void this.forceCancel(id), this.options.cancelGraceMs),
      );
      this.publish(id);
    }
    return this.get(id)!;
  }

  /** Stops dispatching; running jobs become `interrupted` (queued ones stay for the next start). */
  async close(): Promise<void> {
    this.closing = true;
    for (const timer of this.hardCancel.values()) clearTimeout(timer);
    const running = [...this.workers].map((w) => w.jobId).filter((id): id is string => id !== null);
    await Promise.all([...this.workers].map((w) => w.terminate()));
    this.workers.clear();
    for (const id of running) {
      this.store.discardStaging(id);
      this.finish(id, 'interrupted', 'the server shut down while the job was running');
    }
  }

  private newId(): string {
    for (;;) {
      const id = randomBytes(4).toString('hex');
      if (!this.store.jobs.get(id)) return id;
    }
  }

  private workerOf(jobId: string): ComputeWorker | undefined {
    return [...this.workers].find((w) => w.jobId === jobId);
  }

  private spawnWorker(): ComputeWorker {
    const worker = new ComputeWorker(this.options.setup, { onMessage: (w, m) => this.onMessage(w, m), onExit: (w, r) => this.onExit(w, r) });
    this.workers.add(worker);
    worker.ready.then((backend) => (this.backend = backend)).catch(() => undefined);
    return worker;
  }

  /** Starts queued jobs while a worker slot is free. */
  private pump(): void {
    while (!this.closing) {
      let worker = [...this.workers].find((w) => w.alive && w.jobId === null);
      if (!worker && this.workers.size >= this.options.concurrency) return;
      const next = this.store.jobs.nextQueued();
      if (!next) return;
      this.dispatch(next, worker ?? this.spawnWorker());
    }
  }

  private dispatch(job: Job, worker: ComputeWorker): void {
    const spec = job.spec as unknown as ComputeJobSpec;
    let inputs: JobInputs;
    try {
      inputs = this.resolveInputs(spec);
    } catch (error) {
      this.finish(job.id, 'failed', (error as Error).message);
      return;
    }
    worker.jobId = job.id;
    this.store.jobs.markRunning(job.id);
    this.publish(job.id);
    if (job.parentId) this.settleSweep(job.parentId);
    worker.ready.then(
      () => {
        if (this.cancelRequested.has(job.id)) return this.release(worker, job.id, 'cancelled', null);
        const uploadFile = spec.kind === 'import' ? this.store.uploadPath(job.id) : null;
        worker.run({ id: job.id, spec, inputs, checkpointDir: this.store.checkpointDir, stagingDir: this.store.stagingDir(job.id), uploadFile });
      },
      (error: Error) => {
        this.workers.delete(worker);
        void worker.terminate();
        if (worker.jobId === job.id) {
          worker.jobId = null;
          this.finish(job.id, 'failed', error.message);
        }
        this.pump();
      },
    );
  }

  /** The designated models a job works with, looked up when it starts. */
  private resolveInputs(spec: ComputeJobSpec): JobInputs {
    const scope = { dataset: spec.dataset, architecture: spec.architecture };
    const original = this.store.checkpoints.designated({ role: 'original', ...scope });
    const retrained = (forgetClass: number) => this.store.checkpoints.designated({ role: 'retrained', ...scope, forgetClass })?.id;
    const inputs: JobInputs = { originalId: original?.id ?? null, retrainedIds: {}, baseId: null };
    if (spec.kind === 'import' && spec.role === 'original') {
      const id = spec.forgetClass === null ? undefined : retrained(spec.forgetClass);
      if (id) inputs.retrainedIds[spec.forgetClass!] = id;
      return inputs;
    }
    if (spec.kind === 'original') {
      const numClasses = describeDataset(spec.dataset).numClasses;
      const classes = spec.evaluateClasses ?? Array.from({ length: numClasses }, (_, c) => c);
      for (const c of classes) {
        const id = retrained(c);
        if (id) inputs.retrainedIds[c] = id;
      }
      return inputs;
    }
    if (!original) throw new Error(`no Original model for ${spec.dataset} / ${spec.architecture}`);
    if (spec.kind === 'import' && spec.role === 'unlearned') {
      const id = retrained(spec.forgetClass!);
      if (id) inputs.retrainedIds[spec.forgetClass!] = id;
    }
    if (spec.kind === 'unlearn') {
      const id = retrained(spec.forgetClass);
      if (id) inputs.retrainedIds[spec.forgetClass] = id;
      if (spec.baseModelId !== undefined) {
        if (!this.store.checkpoints.get(spec.baseModelId)) throw new Error(`base model ${spec.baseModelId} no longer exists`);
        inputs.baseId = spec.baseModelId;
      }
    }
    return inputs;
  }

  private onMessage(worker: ComputeWorker, message: FromWorker): void {
    switch (message.type) {
      case 'progress': {
        const previous = this.progress.get(message.jobId);
        const progress: JobProgress = { ...message.progress, seq: ++this.seq };
        this.progress.set(message.jobId, progress);
        if (previous?.stage !== progress.stage || previous?.step !== progress.step) this.store.jobs.setProgress(message.jobId, progress);
        this.events.publish({ type: 'progress', jobId: message.jobId, parentId: this.store.jobs.get(message.jobId)?.parentId ?? null, progress });
        break;
      }
      case 'commit':
        this.committing.add(message.jobId);
        this.store
          .commit(message.jobId, { checkpointIds: message.checkpointIds, records: message.records })
          .then(() => {
            const parentId = this.store.jobs.get(message.jobId)?.parentId;
            if (parentId) this.store.jobs.addOutputs(parentId, { resultIds: message.records.map((r) => r.id), checkpointIds: message.checkpointIds });
            worker.send({ type: 'committed', jobId: message.jobId, error: null });
          })
          .catch((error: Error) => worker.send({ type: 'committed', jobId: message.jobId, error: `cannot store the job's outputs: ${error.message}` }))
          .finally(() => this.committing.delete(message.jobId));
        break;
      case 'done':
        if (worker.jobId === message.jobId) this.release(worker, message.jobId, message.outcome, message.error);
        break;
      default:
        break;
    }
  }

  private onExit(worker: ComputeWorker, reason: string): void {
    this.workers.delete(worker);
    if (worker.jobId !== null && !this.closing) {
      const id = worker.jobId;
      worker.jobId = null;
      this.store.discardStaging(id);
      this.finish(id, this.cancelRequested.has(id) ? 'cancelled' : 'failed', this.cancelRequested.has(id) ? null : reason);
    }
    if (!this.closing) this.pump();
  }

  /** A cancelled job that did not stop in time: its worker is terminated. */
  private async forceCancel(id: string): Promise<void> {
    const worker = this.workerOf(id);
    if (!worker || this.committing.has(id)) return;
    this.options.log.warn(`job ${id} did not stop within ${this.options.cancelGraceMs} ms: terminating its worker`);
    this.workers.delete(worker);
    await worker.terminate();
    this.store.discardStaging(id);
    this.finish(id, 'cancelled', null);
    this.pump();
  }

  private release(worker: ComputeWorker, jobId: string, outcome: 'succeeded' | 'failed' | 'cancelled', error: string | null): void {
    worker.jobId = null;
    this.store.discardStaging(jobId);
    this.finish(jobId, outcome, error);
    this.pump();
  }

  private finish(id: string, status: JobStatus, error: string | null): void {
    const current = this.store.jobs.get(id);
    if (!current || FINISHED.includes(current.status)) return;
    const timer = this.hardCancel.get(id);
    if (timer) clearTimeout(timer);
    this.hardCancel.delete(id);
    const last = this.progress.get(id);
    if (last) this.store.jobs.setProgress(id, last);
    this.progress.delete(id);
    this.store.jobs.finish(id, status, error);
    if (current.kind === 'import') this.store.discardUpload(id);
    this.publish(id);
    this.cancelRequested.delete(id);
    if (current.parentId) this.settleSweep(current.parentId);
  }

  /** A sweep runs while any of its jobs does and ends when all have: succeeded, cancelled, or failed with a count. */
  private settleSweep(id: string): void {
    const sweep = this.store.jobs.get(id);
    if (!sweep || FINISHED.includes(sweep.status)) return;
    const statuses = this.store.jobs.childStatuses(id);
    if (statuses.some((s) => s === 'running') && sweep.status === 'queued') {
      this.store.jobs.markRunning(id);
      this.publish(id);
    }
    if (!statuses.every((s) => FINISHED.includes(s))) return;
    const failed = statuses.filter((s) => s === 'failed' || s === 'interrupted').length;
    const status: JobStatus = this.cancelRequested.has(id) ? 'cancelled' : failed > 0 ? 'failed' : 'succeeded';
    this.store.jobs.finish(id, status, status === 'failed' ? `${failed} of ${statuses.length} runs failed` : null);
    this.cancelRequested.delete(id);
    this.publish(id);
  }

  private publish(id: string): void {
    const job = this.get(id);
    if (job) this.events.publish({ type: 'job', job });
  }
}
