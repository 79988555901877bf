import type { ChildProcess } from 'node:child_process';
import { ApiClient } from './apiClient.js';
import { spawnReady } from './spawnReady.js';

export interface ServerProcess extends ApiClient {
  child: ChildProcess;
  /** Everything the process printed so far. */
  output(): string;
  /** Resolves with the exit signal or code. */
  exited: Promise<string>;
}

/**
 * Runs `pnpm start`'s command (`node --import tsx apps/server/src/server.ts`) as a child process
 * on a free loopback port, and resolves once it listens.
 */
export async function spawnServer(env: Record<string, string>, timeoutMs = 180_000): Promise<ServerProcess> {
  const started = await spawnReady(
    'apps/server/src/server.ts',
    [],
    { HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', MU_EVALUATION: 'fast', ...env },
    { name: 'server', readyState: 'listening', ready: /listening on (http:\/\/127\.0\.0\.1:\d+)/, timeoutMs },
  );
  return Object.assign(new ApiClient(started.match[1]), { child: started.child, output: started.output, exited: started.exited });
}
