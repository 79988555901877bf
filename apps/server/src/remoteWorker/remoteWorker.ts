import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { FAST_EVALUATION } from '@mu/engine';
import type { RunnerMessage } from '../jobs/jobExecutor.js';
import type { ToWorker } from '../jobs/messages.js';
import { CANCEL_CHANNEL, HEARTBEAT_MS, openRedis, REMOTE_QUEUE, WORKERS_KEY, type RemoteJob, type RemoteOutcome, type WorkerHeartbeat } from '../jobs/remoteQueue.js';
import { ThreadExecutor } from '../jobs/threadExecutor.js';
import type { ServerClient, Welcome } from './serverClient.js';

export interface RemoteWorkerOptions {
  /** Shown in /api/health and logs. */
  name: string;
  concurrency: number;
  /** Where fetched checkpoints are kept between jobs (by id, checked by weights checksum). */
  cacheDir: string;
  methodsDir: string | null;
  /** BullMQ lock: a worker silent this long is taken for dead and its job runs elsewhere. */
  lockDurationMs: number;
  log(line: string): void;
}

interface Pending {
  job: Job<RemoteJob>;
  stagingDir: string;
  resolve(outcome: RemoteOutcome): void;
  reject(error: Error): void;
}

/**
 * A machine's share of a distributed sweep: takes jobs from the BullMQ queue and runs them in the
 * same compute worker threads as the embedded queue (ThreadExecutor), after fetching the models
 * they start from. Progress goes to BullMQ's job progress; outputs go to the server, which stores
 * them; the outcome is the BullMQ job's return value. A cancel published by the server stops the job.
 */
export class RemoteWorker {
  private readonly executor: ThreadExecutor;
  private readonly pending = new Map<string, Pending>();
  private worker: Worker<RemoteJob, RemoteOutcome> | null = null;
  private connections: Redis[] = [];
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(private readonly server: ServerClient, private readonly welcome: Welcome, private readonly options: RemoteWorkerOptions) {
    const evaluation = welcome.evaluation === 'fast' ? FAST_EVALUATION : null;
    this.executor = new ThreadExecutor({ methodsDir: options.methodsDir, evaluation }, options.concurrency);
  }

  async start(): Promise<void> {
    await this.executor.open({ onMessage: (m, reply) => this.onMessage(m, reply), onLost: (id, reason) => this.pending.get(id)?.reject(new Error(reason)) });
    const [commands, subscriber] = [await openRedis(this.welcome.queueUrl), await openRedis(this.welcome.queueUrl)];
    this.connections = [commands, subscriber];
    for (const c of this.connections) c.on('error', (error: Error) => this.options.log(`job queue connection: ${error.message}`));
    await subscriber.subscribe(CANCEL_CHANNEL);
    subscriber.on('message', (_channel: string, jobId: string) => {
      if (this.pending.has(jobId)) this.executor.cancel(jobId);
    });
    this.worker = new Worker<RemoteJob, RemoteOutcome>(REMOTE_QUEUE, (job) => this.process(job), {
      connection: commands,
      concurrency: this.options.concurrency,
      lockDuration: this.options.lockDurationMs,
      // Checks for the jobs of dead workers as often as a lock would expire.
      stalledInterval: this.options.lockDurationMs,
    });
    this.worker.on('error', (error) => this.options.log(`job queue: ${error.message}`));
    await this.worker.waitUntilReady();
    this.beat();
    this.heartbeat = setInterval(() => this.beat(), HEARTBEAT_MS);
  }

  /** Finishes the jobs in hand, then stops. */
  async close(): Promise<void> {
    await this.worker?.close();
    if (this.heartbeat) clearInterval(this.heartbeat);
    await this.connections[0]?.hdel(WORKERS_KEY, this.options.name).catch(() => 0);
    await this.executor.close();
    for (const c of this.connections) c.disconnect();
  }

  /** Tells the server (through Redis) that this worker is alive, its backend and its jobs. */
  private beat(): void {
    const beat: WorkerHeartbeat = { name: this.options.name, backend: this.executor.backend, jobIds: [...this.pending.keys()], at: new Date().toISOString() };
    this.connections[0]!.hset(WORKERS_KEY, beat.name, JSON.stringify(beat)).catch((error: Error) => this.options.log(`heartbeat not sent (${error.message})`));
  }

  private async process(job: Job<RemoteJob>): Promise<RemoteOutcome> {
    const { id, spec, inputs } = job.data;
    const ids = [inputs.originalId, inputs.baseId, ...Object.values(inputs.retrainedIds)].filter((x): x is string => x !== null);
    for (const checkpointId of new Set(ids)) await this.server.fetchCheckpoint(this.options.cacheDir, checkpointId);
    const stagingDir = await mkdtemp(path.join(os.tmpdir(), `mu-worker-${id}-`));
    this.options.log(`job ${id}: ${spec.kind}${spec.kind === 'unlearn' ? ` ${spec.method}` : ''} on ${spec.dataset}`);
    try {
      return await new Promise<RemoteOutcome>((resolve, reject) => {
        this.pending.set(id, { job, stagingDir, resolve, reject });
        this.beat();
        this.executor.run({ id, spec, inputs, checkpointDir: this.options.cacheDir, stagingDir, uploadFile: null });
      });
    } finally {
      this.pending.delete(id);
      this.beat();
      await rm(stagingDir, { recursive: true, force: true });
    }
  }

  private onMessage(message: RunnerMessage, reply: (message: ToWorker) => void): void {
    const pending = this.pending.get(message.jobId);
    if (!pending) return;
    switch (message.type) {
      case 'progress':
        pending.job.updateProgress(message.progress).catch((error: Error) => this.options.log(`job ${message.jobId}: progress not sent (${error.message})`));
        break;
      case 'commit':
        this.server.sendOutputs(message.jobId, pending.stagingDir, { checkpointIds: message.checkpointIds, records: message.records }).then(
          () => reply({ type: 'committed', jobId: message.jobId, error: null }),
          (error: Error) => reply({ type: 'committed', jobId: message.jobId, error: error.message }),
        );
        break;
      case 'done':
        this.options.log(`job ${message.jobId}: ${message.outcome}${message.error ? ` (${message.error})` : ''}`);
        pending.resolve({ outcome: message.outcome, error: message.error });
        break;
    }
  }
}
