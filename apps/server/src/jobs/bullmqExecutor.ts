import { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ExecutorHandlers, JobExecutor } from './jobExecutor.js';
import type { WorkerJob } from './messages.js';
import { bullmqJobId, CANCEL_CHANNEL, HEARTBEAT_MS, jobIdOf, openRedis, REMOTE_QUEUE, WORKERS_KEY, type RemoteJob, type RemoteOutcome, type WorkerHeartbeat } from './remoteQueue.js';

type Log = { warn(msg: string): void };

/**
 * The distributed executor: every job goes onto a BullMQ queue on Redis at once, and remote
 * workers (`mu worker`) take them. Their progress and outcomes come back as BullMQ queue events;
 * a cancel is published on a Redis channel that the workers listen to. Redis holds the backlog,
 * so this executor always has room.
 */
export class BullmqExecutor implements JobExecutor {
  readonly mode = 'bullmq' as const;
  readonly backend = null;
  private connections: Redis[] = [];
  private queue: Queue | null = null;
  private queueEvents: QueueEvents | null = null;
  private handlers: ExecutorHandlers | null = null;

  constructor(private readonly url: string, private readonly log: Log) {}

  async open(handlers: ExecutorHandlers): Promise<void> {
    this.handlers = handlers;
    const commands = await openRedis(this.url);
    const events = await openRedis(this.url).catch((error: Error) => {
      commands.disconnect();
      throw error;
    });
    this.connections = [commands, events];
    for (const c of this.connections) c.on('error', (error: Error) => this.log.warn(`job queue connection: ${error.message}`));
    this.queue = new Queue(REMOTE_QUEUE, { connection: commands });
    this.queueEvents = new QueueEvents(REMOTE_QUEUE, { connection: events });
    const ignore = () => undefined;
    this.queueEvents.on('progress', ({ jobId, data }) => {
      if (typeof data === 'object' && data !== null) handlers.onMessage({ type: 'progress', jobId: jobIdOf(jobId), progress: data as never }, ignore);
    });
    this.queueEvents.on('completed', ({ jobId, returnvalue }) => {
      const { outcome, error } = returnvalue as unknown as RemoteOutcome;
      handlers.onMessage({ type: 'done', jobId: jobIdOf(jobId), outcome, error }, ignore);
    });
    this.queueEvents.on('failed', ({ jobId, failedReason }) => handlers.onLost(jobIdOf(jobId), `remote worker failed: ${failedReason}`));
    await this.queueEvents.waitUntilReady();
  }

  hasCapacity(): boolean {
    return true;
  }

  run(job: WorkerJob): void {
    const remote: RemoteJob = { id: job.id, spec: job.spec, inputs: job.inputs };
    // One BullMQ job per job: adding it twice (after a server restart) keeps one.
    this.queue!.add('compute', remote, { jobId: bullmqJobId(job.id), attempts: 1, removeOnComplete: true, removeOnFail: 1000 }).catch((error: Error) =>
      this.handlers!.onLost(job.id, `cannot put the job on the queue: ${error.message}`),
    );
  }

  /** A job still waiting in Redis is removed; one that a worker holds (locked) is asked to stop. */
  cancel(jobId: string): void {
    const ask = async () => {
      const removed = await this.queue!.remove(bullmqJobId(jobId)).catch(() => 0);
      if (removed) this.handlers!.onMessage({ type: 'done', jobId, outcome: 'cancelled', error: null }, () => undefined);
      else await this.connections[0]!.publish(CANCEL_CHANNEL, jobId);
    };
    ask().catch((error: Error) => this.log.warn(`cannot cancel job ${jobId}: ${error.message}`));
  }

  /** A remote job cannot be killed from here: it is dropped, and its late result refused. */
  async forceStop(jobId: string): Promise<boolean> {
    await this.queue!.remove(bullmqJobId(jobId)).catch(() => 0);
    return true;
  }

  /** Jobs still waiting in Redis or held by a worker; their progress and outcome keep coming. */
  async held(jobIds: string[]): Promise<string[]> {
    const states = await Promise.all(jobIds.map((id) => this.queue!.getJobState(bullmqJobId(id))));
    return jobIds.filter((_, i) => ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children'].includes(states[i]));
  }

  /** Null when Redis does not answer within 2 s (health must answer at once). */
  async workers(): Promise<WorkerHeartbeat[] | null> {
    const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 2_000).unref());
    const entries = await Promise.race([this.connections[0]!.hgetall(WORKERS_KEY).catch(() => null), timeout]);
    if (entries === null) return null;
    const since = Date.now() - 3 * HEARTBEAT_MS;
    return Object.values(entries)
      .map((text) => JSON.parse(text) as WorkerHeartbeat)
      .filter((beat) => Date.parse(beat.at) >= since)
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Remote jobs are not stopped: the workers finish them. */
  async close(): Promise<string[]> {
    await this.queueEvents?.close();
    await this.queue?.close();
    for (const c of this.connections) c.disconnect();
    return [];
  }
}
