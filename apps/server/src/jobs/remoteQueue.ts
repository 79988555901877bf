import type { BackendReport } from '@mu/schema';
import { Redis } from 'ioredis';
import type { WorkerJob } from './messages.js';

/** The BullMQ queue that the server fills and remote workers (`mu worker`) take jobs from. */
export const REMOTE_QUEUE = 'mu-compute';
/** Redis pub/sub channel on which the server names a job to cancel. */
export const CANCEL_CHANNEL = 'mu-compute:cancel';
/** Redis hash of the workers' heartbeats, by worker name. */
export const WORKERS_KEY = 'mu-compute:workers';
/** How often a worker writes its heartbeat; one silent for three of these is no longer listed. */
export const HEARTBEAT_MS = 5_000;
/** How long the server waits for Redis when it starts. */
const CONNECT_TIMEOUT_MS = 5_000;

/**
 * The BullMQ id of a job: BullMQ refuses custom ids that read as integers, which an 8-hex-digit
 * job id sometimes is (`16471266`), so every id carries a prefix.
 */
export const bullmqJobId = (jobId: string): string => `job-${jobId}`;
/** The job id of a BullMQ id (the inverse of `bullmqJobId`). */
export const jobIdOf = (bullmqId: string): string => bullmqId.replace(/^job-/, '');

/** A job as remote workers get it: no server paths; they fetch the models over HTTP. */
export type RemoteJob = Pick<WorkerJob, 'id' | 'spec' | 'inputs'>;

/** What a remote worker's processor returns: how the job ended. */
export interface RemoteOutcome {
  outcome: 'succeeded' | 'failed' | 'cancelled';
  error: string | null;
}

/** What a worker says about itself in each heartbeat. */
export interface WorkerHeartbeat {
  name: string;
  /** The compute backend of its worker threads (null until one has started). */
  backend: BackendReport | null;
  /** The jobs it runs now. */
  jobIds: string[];
  /** ISO time of the heartbeat. */
  at: string;
}

/** The URL without its credentials, for messages. */
export function redactRedisUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
}

/**
 * A Redis connection for BullMQ that reconnects for ever once it is up (a Redis restart loses
 * nothing); the first connection must succeed within a few seconds, or this throws one line.
 */
export async function openRedis(url: string): Promise<Redis> {
  let lastError = '';
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: null,
    connectTimeout: CONNECT_TIMEOUT_MS,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  redis.on('error', (error: Error) => (lastError = error.message));
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), CONNECT_TIMEOUT_MS).unref());
  try {
    await Promise.race([redis.connect().then(() => redis.ping()), timeout]);
    return redis;
  } catch (error) {
    redis.disconnect();
    const reason = lastError || (error as Error).message;
    throw new Error(`cannot reach the job queue at ${redactRedisUrl(url)} (${reason.split('\n')[0]})`);
  }
}
