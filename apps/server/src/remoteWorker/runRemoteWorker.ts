import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import { findDatasets, loadDataset } from '@mu/engine';
import { redactRedisUrl } from '../jobs/remoteQueue.js';
import { RemoteWorker } from './remoteWorker.js';
import { ServerClient } from './serverClient.js';

export interface RemoteWorkerCommand {
  server: string;
  token: string;
  concurrency: number;
  name: string | null;
  cacheDir: string;
  methodsDir: string;
  lockDurationMs: number;
}

/**
 * `mu worker`: joins the server (its token; the checksums of the datasets found here, which must
 * match the server's), then takes jobs from its queue until SIGINT or SIGTERM, when it finishes
 * the jobs in hand and stops. Refusals end as one error line (thrown).
 */
export async function runRemoteWorker(command: RemoteWorkerCommand): Promise<void> {
  const name = command.name ?? `${os.hostname()}-${process.pid}`;
  const datasets: Record<string, string> = {};
  for (const found of findDatasets()) if (found.location) datasets[found.id] = (await loadDataset(found.id)).checksum;
  // Joining does not wait for a server that is not there: the command says so at once.
  const welcome = await new ServerClient(command.server, command.token, 0).hello(name, datasets);
  const client = new ServerClient(command.server, command.token);
  await mkdir(command.cacheDir, { recursive: true });
  const log = (line: string) => console.log(`${new Date().toISOString()} ${line}`);
  const worker = new RemoteWorker(client, welcome, {
    name,
    concurrency: command.concurrency,
    cacheDir: command.cacheDir,
    methodsDir: existsSync(command.methodsDir) ? command.methodsDir : null,
    lockDurationMs: command.lockDurationMs,
    log,
  });
  await worker.start();
  // One plain line: scripts and tests wait for it.
  console.log(`worker ${name} ready: ${command.concurrency} job(s) at once from ${redactRedisUrl(welcome.queueUrl)} for ${command.server}`);
  const signal = await new Promise<string>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  log(`${signal}: finishing the jobs in hand`);
  await worker.close();
}
