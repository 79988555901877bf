import { randomBytes } from 'node:crypto';
import { describeDataset, readPytorchWeights } from '@mu/engine';
import type { BackendReport } from '@mu/schema';
import { as, badRequest, conflict, notFound } from '../http/apiError.js';
import { storageError } from '../http/storageError.js';
import { FINISHED, type ComputeJobSpec, type ImportJobSpec, type Job, type JobKind, type JobProgress, type JobSpec, type JobStatus } from '../schemas/job.js';
import type { JobFilter } from '../store/jobsRepository.js';
import type { JobOutputs, Store } from '../store/store.js';
import type { JobEvents } from './jobEvents.js';
import type { JobExecutor, QueueMode, RunnerMessage } from './jobExecutor.js';
import type { JobInputs, ToWorker } from './messages.js';
import type { WorkerHeartbeat } from './remoteQueue.js';
import { planJob } from './planJob.js';

/**
 * Where jobs run: `compute` takes training, unlearning and evaluation jobs; `local` takes the
 * jobs that read a file only this server has (imports of uploaded weights). In embedded mode both
 * are the same worker threads; in BullMQ mode compute jobs go to remote workers and imports stay
 * on the server's own threads.
 */
export interface QueueExecutors {
  compute: JobExecutor;
  local: JobExecutor;
}

/** Job kinds that only the server's own threads can run. */
const LOCAL_KINDS: readonly JobKind[] = ['import'];
const REMOTE_KINDS: readonly JobKind[] = ['original', 'retrained', 'unlearn'];

export interface JobQueueOptions {
  /** How long a cancelled job may take to stop before it is stopped by force. */
  cancelGraceMs: number;
  log: { info(msg: string): void; warn(msg: string): void; error(msg: string): void };
}

/**
 * The persistent job queue. Jobs are rows in the store; the oldest queued compute job goes to
 * the executor (worker threads here, or remote workers through BullMQ) while it has room.
 * Progress is numbered and published on the event bus; outputs are committed to the store all at
 * once; a cancelled, failed or interrupted job leaves nothing behind. A sweep groups unlearn jobs
 * and ends when they all have.
 */
export class JobQueue {
  /** Jobs handed to an executor that have not ended yet, and that executor. */
  private readonly running = new Map<string, JobExecutor>();
  private readonly cancelRequested = new Set<string>();
  private readonly progress = new Map<string, JobProgress>();
  private readonly hardCancel = new Map<string, NodeJS.Timeout>();
  /** Jobs whose outputs are being stored: too late to cancel them. */
  private readonly committing = new Set<string>();
  private seq = 0;
  private closing = false;

  constructor(
    private readonly store: Store,
    private readonly events: JobEvents,
    private readonly executors: QueueExecutors,
    private readonly options: JobQueueOptions,
  ) {}

  get mode(): QueueMode {
    return this.executors.compute.mode;
  }

  /** The compute backend of this server's own worker threads (null until one has started). */
  get backend(): BackendReport | null {
    return this.executors.local.backend;
  }

  /** The remote workers heard from lately (null: embedded mode, or the queue does not answer). */
  workers(): Promise<WorkerHeartbeat[] | null> {
    return this.executors.compute.workers();
  }

  /** Connects the executors (throws one line when one cannot work). */
  async open(): Promise<void> {
    const handlers = { onMessage: (m: RunnerMessage, reply: (m: ToWorker) => void) => this.onMessage(m, reply), onLost: (id: string, reason: string) => this.onLost(id, reason) };
    for (const executor of this.distinctExecutors()) await executor.open(handlers);
  }

  /**
   * After a restart: jobs that were running are `interrupted`, unless the executor still holds
   * them (remote workers run them, or they wait in Redis) or their outputs were stored (a remote
   * job that ended while the server was down); queued ones run again.
   */
  async start(): Promise<void> {
    const wasRunning = this.store.jobs.list({ status: 'running' }).filter((j) => j.kind !== 'sweep' && !LOCAL_KINDS.includes(j.kind));
    const held = await this.executors.compute.held(wasRunning.map((j) => j.id));
    for (const id of held) this.running.set(id, this.executors.compute);
    for (const job of wasRunning.filter((j) => !held.includes(j.id) && j.resultIds.length + j.checkpointIds.length > 0)) this.finish(job.id, 'succeeded', null);
    const interrupted = this.store.jobs.interruptRunning('the server stopped while the job was running', new Set(held));
    for (const id of interrupted) this.store.discardUpload(id);
    if (interrupted.length > 0) this.options.log.warn(`jobs interrupted by the last shutdown: ${interrupted.join(', ')}`);
    for (const sweep of this.store.jobs.list({ kind: 'sweep' }).filter((j) => !FINISHED.includes(j.status))) this.settleSweep(sweep.id);
    this.pump();
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
   * batch, or is stopped by force after the grace period); a sweep cancels its jobs.
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
      this.running.get(id)?.cancel(id);
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
    const stopped = await Promise.all(this.distinctExecutors().map((executor) => executor.close()));
    for (const id of stopped.flat()) {
      this.running.delete(id);
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

  private distinctExecutors(): JobExecutor[] {
    return [...new Set([this.executors.compute, this.executors.local])];
  }

  /** Starts queued jobs, oldest first, while the executor each would go to has room. */
  private pump(): void {
    const { compute, local } = this.executors;
    const routes: [JobExecutor, readonly JobKind[] | null][] = compute === local ? [[compute, null]] : [[local, LOCAL_KINDS], [compute, REMOTE_KINDS]];
    for (const [executor, kinds] of routes) {
      while (!this.closing && executor.hasCapacity()) {
        const next = this.store.jobs.nextQueued(kinds);
        if (!next) break;
        this.dispatch(next, executor);
      }
    }
  }

  private dispatch(job: Job, executor: JobExecutor): void {
    const spec = job.spec as unknown as ComputeJobSpec;
    let inputs: JobInputs;
    try {
      inputs = this.resolveInputs(spec);
    } catch (error) {
      this.finish(job.id, 'failed', (error as Error).message);
      return;
    }
    this.running.set(job.id, executor);
    this.store.jobs.markRunning(job.id);
    this.publish(job.id);
    if (job.parentId) this.settleSweep(job.parentId);
    const uploadFile = spec.kind === 'import' ? this.store.uploadPath(job.id) : null;
    executor.run({ id: job.id, spec, inputs, checkpointDir: this.store.checkpointDir, stagingDir: this.store.stagingDir(job.id), uploadFile });
  }

  /** The designated models a job works with, looked up when it starts. */
  private resolveInputs(spec: ComputeJobSpec): JobInputs {
    const scope = { dataset: spec.dataset, architecture: spec.architecture };
    const original = this.store.checkpoints.designated({ role: 'original', ...scope });
    const retrained = (forgetClass: number) => this.store.checkpoints.designated({ role: 'retrained', ...scope, forgetClass })?.id;
    const inputs: JobInputs = { originalId: original?.id ?? null, retrainedIds: {}, baseId: null };
    if (spec.kind === 'original') {
      const numClasses = describeDataset(spec.dataset).numClasses;
      const classes = spec.evaluateClasses ?? Array.from({ length: numClasses }, (_, c) => c);
      for (const c of classes) {
        const id = retrained(c);
        if (id) inputs.retrainedIds[c] = id;
      }
      return inputs;
    }
    if (spec.kind === 'import' && spec.role === 'original') {
      const id = spec.forgetClass === null ? undefined : retrained(spec.forgetClass);
      if (id) inputs.retrainedIds[spec.forgetClass!] = id;
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

  private onMessage(message: RunnerMessage, reply: (message: ToWorker) => void): void {
    switch (message.type) {
      case 'progress': {
        if (!this.running.has(message.jobId)) return;
        const previous = this.progress.get(message.jobId);
        const progress: JobProgress = { ...message.progress, seq: ++this.seq };
        this.progress.set(message.jobId, progress);
        if (previous?.stage !== progress.stage || previous?.step !== progress.step) this.store.jobs.setProgress(message.jobId, progress);
        this.events.publish({ type: 'progress', jobId: message.jobId, parentId: this.store.jobs.get(message.jobId)?.parentId ?? null, progress });
        break;
      }
      case 'commit':
        this.commitOutputs(message.jobId, { checkpointIds: message.checkpointIds, records: message.records }).then(
          () => reply({ type: 'committed', jobId: message.jobId, error: null }),
          (error: Error) => reply({ type: 'committed', jobId: message.jobId, error: `cannot store the job's outputs: ${error.message}` }),
        );
        break;
      case 'done':
        if (this.running.has(message.jobId)) this.release(message.jobId, message.outcome, message.error);
        break;
    }
  }

  /**
   * Outputs a remote worker uploaded into the job's staging folder. Accepted once per job: a job
   * retried after its outputs were stored keeps the first ones (false: these were discarded).
   */
  async commitRemote(jobId: string, outputs: JobOutputs): Promise<boolean> {
    const job = this.store.jobs.get(jobId);
    if (!job || job.kind === 'sweep') throw notFound(`unknown job: ${jobId}`);
    if (job.resultIds.length > 0 || job.checkpointIds.length > 0) {
      this.store.discardStaging(jobId);
      return false;
    }
    // Only jobs handed to remote workers: an import runs on this server's own threads.
    if (this.running.get(jobId) !== this.executors.compute) {
      this.store.discardStaging(jobId);
      throw conflict(`job ${jobId} is not running (it is ${job.status})`);
    }
    await this.commitOutputs(jobId, outputs).catch((error: Error) => {
      throw storageError(error) ?? badRequest(`cannot store the job's outputs: ${error.message.split('\n')[0]}`);
    });
    return true;
  }

  private async commitOutputs(jobId: string, outputs: JobOutputs): Promise<void> {
    this.committing.add(jobId);
    try {
      await this.store.commit(jobId, outputs);
      const parentId = this.store.jobs.get(jobId)?.parentId;
      if (parentId) this.store.jobs.addOutputs(parentId, { resultIds: outputs.records.map((r) => r.id), checkpointIds: outputs.checkpointIds });
    } finally {
      this.committing.delete(jobId);
    }
  }

  private onLost(id: string, reason: string): void {
    if (!this.running.delete(id) || this.closing) return;
    this.store.discardStaging(id);
    const cancelled = this.cancelRequested.has(id);
    this.finish(id, cancelled ? 'cancelled' : 'failed', cancelled ? null : reason);
    this.pump();
  }

  /** A cancelled job that did not stop in time is stopped by force. */
  private async forceCancel(id: string): Promise<void> {
    const executor = this.running.get(id);
    if (this.committing.has(id) || !executor) return;
    this.options.log.warn(`job ${id} did not stop within ${this.options.cancelGraceMs} ms: stopping it by force`);
    if (!(await executor.forceStop(id))) return;
    this.running.delete(id);
    this.store.discardStaging(id);
    this.finish(id, 'cancelled', null);
    this.pump();
  }

  private release(jobId: string, outcome: 'succeeded' | 'failed' | 'cancelled', error: string | null): void {
    this.running.delete(jobId);
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
