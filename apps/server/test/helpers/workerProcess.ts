import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnReady, type ReadyProcess } from './spawnReady.js';

export interface WorkerProcess extends ReadyProcess {
  /** Stops it (SIGTERM, then SIGKILL), waits until it has exited, and removes its model cache. */
  stop(): Promise<void>;
}

/** `pnpm mu worker` as a child process with its own model cache; resolves once it takes jobs (generous: a loaded machine starts it slowly). */
export async function spawnWorker(args: string[], env: Record<string, string> = {}, timeoutMs = 300_000): Promise<WorkerProcess> {
  const cache = mkdtempSync(path.join(os.tmpdir(), 'mu-worker-cache-'));
  const started = await spawnReady('packages/engine/src/cli/main.ts', ['worker', '--cache', cache, ...args], env, {
    name: 'worker',
    readyState: 'taking jobs',
    ready: /worker \S+ ready: /,
    timeoutMs,
  }).catch((error: Error) => {
    rmSync(cache, { recursive: true, force: true });
    throw error;
  });
  return Object.assign(started, {
    stop: async () => {
      const { child } = started;
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const force = setTimeout(() => child.kill('SIGKILL'), 30_000);
        await started.exited;
        clearTimeout(force);
      }
      rmSync(cache, { recursive: true, force: true });
    },
  });
}
