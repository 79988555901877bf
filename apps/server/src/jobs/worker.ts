import { existsSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { initBackend, loadMethodsFolder, ReferenceCache } from '@mu/engine';
import type { FromWorker, ToWorker, WorkerJob, WorkerSetup } from './messages.js';
import { ModelCache } from './modelCache.js';
import { ProgressReporter } from './progressReporter.js';
import { runBaselineJob } from './runBaselineJob.js';
import { runImportJob } from './runImportJob.js';
import { runUnlearnJob } from './runUnlearnJob.js';
import type { JobOutputs } from '../store/store.js';

/*
 * The compute worker: owns the engine (backend, loaded datasets and models, reference outputs)
 * and runs one job at a time for the main thread. Cancelling aborts the job's signal; the engine
 * checks it between batches and UMAP epochs, so the job ends within a batch.
 */

const port = parentPort!;
const setup = workerData as WorkerSetup;
const post = (message: FromWorker) => port.postMessage(message);
const models = new ModelCache();
const cache = new ReferenceCache();
const running = new Map<string, AbortController>();
const commits = new Map<string, { resolve: () => void; reject: (e: Error) => void }>();

async function start(): Promise<void> {
  const backend = await initBackend();
  if (setup.methodsDir && existsSync(setup.methodsDir)) await loadMethodsFolder(setup.methodsDir);
  post({ type: 'ready', backend: { name: backend.name, threads: backend.threads } });
}

async function run(job: WorkerJob): Promise<void> {
  const controller = new AbortController();
  running.set(job.id, controller);
  const tools = {
    signal: controller.signal,
    progress: new ProgressReporter((progress) => post({ type: 'progress', jobId: job.id, progress })),
    models,
    cache,
    evaluation: setup.evaluation ?? undefined,
    commit: (outputs: JobOutputs) =>
      new Promise<void>((resolve, reject) => {
        commits.set(job.id, { resolve, reject });
        post({ type: 'commit', jobId: job.id, ...outputs });
      }),
  };
  try {
    if (cache.size > 64) cache.clear();
    if (job.spec.kind === 'unlearn') await runUnlearnJob(job, job.spec, tools);
    else if (job.spec.kind === 'import') await runImportJob(job, job.spec, tools);
    else await runBaselineJob(job, job.spec, tools);
    post({ type: 'done', jobId: job.id, outcome: 'succeeded', error: null });
  } catch (error) {
    const cancelled = controller.signal.aborted;
    post({ type: 'done', jobId: job.id, outcome: cancelled ? 'cancelled' : 'failed', error: cancelled ? null : oneLine(error) });
  } finally {
    running.delete(job.id);
    commits.delete(job.id);
  }
}

function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] || 'unknown error';
}

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'run':
      void run(message.job);
      break;
    case 'cancel':
      running.get(message.jobId)?.abort();
      break;
    case 'committed': {
      const pending = commits.get(message.jobId);
      commits.delete(message.jobId);
      if (message.error === null) pending?.resolve();
      else pending?.reject(new Error(message.error));
      break;
    }
  }
});

start().catch((error: unknown) => post({ type: 'startup-failed', error: oneLine(error) }));
