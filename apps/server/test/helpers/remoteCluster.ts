import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { smallCnnCheckpoint } from './checkpointUpload.js';
import { startRedis, type RedisServer } from './redisServer.js';
import { spawnServer, type ServerProcess } from './serverProcess.js';
import { spawnWorker, type WorkerProcess } from './workerProcess.js';

export interface RemoteCluster {
  redis: RedisServer;
  server: ServerProcess;
  workers: WorkerProcess[];
  /** Starts `mu worker` processes with these names (and extra arguments), kept in `workers`. */
  addWorkers(names: string[], extra?: string[]): Promise<WorkerProcess[]>;
  /** Stops the workers, the server and Redis, and removes the data folder. */
  stop(): Promise<void>;
}

/**
 * A throw-away redis-server and a server in BullMQ mode (fast evaluation) on a fresh data folder
 * holding an uploaded small-cnn Original for cifar10-mini; workers are added by the test.
 */
export async function startRemoteCluster(token: string): Promise<RemoteCluster> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mu-server-remote-'));
  const redis = await startRedis().catch((error: Error) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  const workers: WorkerProcess[] = [];
  let server: ServerProcess | null = null;
  const stop = async () => {
    await Promise.all(workers.map((w) => w.stop()));
    if (server && server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    await redis.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    server = await spawnServer({ MU_DATA_DIR: dataDir, MU_QUEUE_URL: redis.url, MU_WORKER_TOKEN: token });
    await uploadOriginal(server);
  } catch (error) {
    await stop();
    throw error;
  }
  const started = server;
  return {
    redis,
    server: started,
    workers,
    addWorkers: async (names, extra = []) => {
      const added = await Promise.all(names.map((name) => spawnWorker(['--server', started.url, '--token', token, '--name', name, ...extra])));
      workers.push(...added);
      return added;
    },
    stop,
  };
}

/** Uploads a small-cnn Original for cifar10-mini (constant weights): enough for unlearning jobs to run. */
export async function uploadOriginal(server: ServerProcess): Promise<void> {
  const { meta, weights } = smallCnnCheckpoint('original', null);
  const up = await server.upload('/api/imports/checkpoints', [
    { field: 'meta', name: 'o.json', content: JSON.stringify(meta) },
    { field: 'weights', name: 'o.weights.bin', content: weights },
  ]);
  if (up.status !== 201) throw new Error(`cannot upload the Original: ${up.status} ${up.text}`);
}
