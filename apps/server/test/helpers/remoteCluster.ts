import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApiClient } from './apiClient.js';
import { smallCnnCheckpoint } from './checkpointUpload.js';
import { freePort, startRedis, type RedisServer } from './redisServer.js';
import { spawnServer, type ServerProcess } from './serverProcess.js';
import { spawnWorker, type WorkerProcess } from './workerProcess.js';

export interface RemoteCluster {
  redis: RedisServer;
  server: ServerProcess;
  workers: WorkerProcess[];
  dataDir: string;
  /** Starts `mu worker` processes with these names (and extra arguments), kept in `workers`. */
  addWorkers(names: string[], extra?: string[]): Promise<WorkerProcess[]>;
  /** Stops the server (SIGTERM) and starts it again on the same port and data folder. */
  restartServer(): Promise<void>;
  /** Stops Redis and starts it again on the same port, from its append-only file. */
  restartRedis(): Promise<void>;
  /** Stops the workers, the server and Redis, and removes the data folder. */
  stop(): Promise<void>;
}

/**
 * A throw-away redis-server (persistent, in the data folder) and a server in BullMQ mode (fast
 * evaluation) on a fixed free port and a fresh data folder holding an uploaded small-cnn Original
 * for cifar10-mini; workers are added by the test. Both can be restarted in place.
 */
export async function startRemoteCluster(token: string): Promise<RemoteCluster> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mu-server-remote-'));
  const redisDir = path.join(dataDir, 'redis');
  mkdirSync(redisDir);
  const workers: WorkerProcess[] = [];
  let redis: RedisServer | null = null;
  let server: ServerProcess | null = null;
  const stopServer = async () => {
    if (server && server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  };
  const stop = async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await stopServer();
    await redis?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  let env: Record<string, string> = {};
  try {
    redis = await startRedis({ dir: redisDir });
    env = { MU_DATA_DIR: path.join(dataDir, 'server'), MU_QUEUE_URL: redis.url, MU_WORKER_TOKEN: token, PORT: String(await freePort()) };
    server = await spawnServer(env);
    await uploadOriginal(server);
  } catch (error) {
    await stop();
    throw error;
  }
  const cluster: RemoteCluster = {
    redis,
    server,
    workers,
    dataDir: env.MU_DATA_DIR,
    addWorkers: async (names, extra = []) => {
      const added = await Promise.all(names.map((name) => spawnWorker(['--server', cluster.server.url, '--token', token, '--name', name, ...extra])));
      workers.push(...added);
      return added;
    },
    restartServer: async () => {
      await stopServer();
      server = await spawnServer(env);
      cluster.server = server;
    },
    restartRedis: async () => {
      const { port } = cluster.redis;
      await cluster.redis.stop();
      redis = await startRedis({ port, dir: redisDir });
      cluster.redis = redis;
    },
    stop,
  };
  return cluster;
}

/** Uploads a small-cnn Original for cifar10-mini (constant weights): enough for unlearning jobs to run. */
export async function uploadOriginal(server: ApiClient): Promise<void> {
  const { meta, weights } = smallCnnCheckpoint('original', null);
  const up = await server.upload('/api/imports/checkpoints', [
    { field: 'meta', name: 'o.json', content: JSON.stringify(meta) },
    { field: 'weights', name: 'o.weights.bin', content: weights },
  ]);
  if (up.status !== 201) throw new Error(`cannot upload the Original: ${up.status} ${up.text}`);
}
