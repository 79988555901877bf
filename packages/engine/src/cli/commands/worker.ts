import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findRepoRoot } from '../../data/repoRoot.js';
import { integerOption } from '../options.js';
import { UsageError } from '../usageError.js';

export const workerUsage = `mu worker --server URL --token TOKEN [--concurrency N] [--name NAME] [--cache DIR] [--lock-seconds S]
  Runs jobs of a server started with MU_QUEUE_URL (README, "Running on many machines"): takes
  them from its BullMQ queue on Redis, N at once (default 1), each in its own worker thread.
  TOKEN is the server's MU_WORKER_TOKEN (or set MU_WORKER_TOKEN here). Models are fetched from
  the server and kept in DIR (default ~/.cache/unlearning-comparator/checkpoints); a worker
  silent for S seconds (default 30) is taken for dead and its job runs on another worker.`;

export async function worker(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      server: { type: 'string' },
      token: { type: 'string' },
      concurrency: { type: 'string' },
      name: { type: 'string' },
      cache: { type: 'string' },
      'lock-seconds': { type: 'string' },
    },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument: ${positionals[0]}`);
  if (!values.server || !/^https?:\/\/[^/]/.test(values.server)) throw new UsageError('expected --server http(s)://host:port');
  const token = values.token ?? process.env.MU_WORKER_TOKEN;
  if (!token) throw new UsageError('expected --token (the server\'s MU_WORKER_TOKEN)');
  const concurrency = integerOption(values, 'concurrency') ?? 1;
  if (concurrency < 1 || concurrency > 8) throw new UsageError(`invalid --concurrency: ${concurrency} (expected 1..8)`);
  const lockSeconds = integerOption(values, 'lock-seconds') ?? 30;
  if (lockSeconds < 1) throw new UsageError(`invalid --lock-seconds: ${lockSeconds} (expected at least 1)`);
  const root = findRepoRoot() ?? process.cwd();
  // The worker runs the server's job code, and the server package depends on this one: loaded on demand.
  const server = new URL('../../../../../apps/server/src/remoteWorker/runRemoteWorker.ts', import.meta.url).href;
  const { runRemoteWorker } = (await import(server)) as typeof import('../../../../../apps/server/src/remoteWorker/runRemoteWorker.js');
  await runRemoteWorker({
    server: values.server,
    token,
    concurrency,
    name: values.name ?? null,
    cacheDir: path.resolve(values.cache ?? path.join(os.homedir(), '.cache', 'unlearning-comparator', 'checkpoints')),
    methodsDir: path.resolve(process.env.MU_METHODS_DIR || path.join(root, 'methods')),
    lockDurationMs: lockSeconds * 1000,
  });
}
