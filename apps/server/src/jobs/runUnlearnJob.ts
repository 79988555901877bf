import { loadDataset, runUnlearning } from '@mu/engine';
import type { UnlearnJobSpec } from '../schemas/job.js';
import type { JobTools } from './jobTools.js';
import type { WorkerJob } from './messages.js';

/**
 * One unlearning run on the designated models; the engine writes the new weights to the job's
 * staging folder and hands the record to `commit`, which makes both visible together.
 */
export async function runUnlearnJob(job: WorkerJob, spec: UnlearnJobSpec, tools: JobTools): Promise<void> {
  const { signal, progress } = tools;
  const { inputs, checkpointDir } = job;
  const original = await tools.models.get(checkpointDir, inputs.originalId!);
  const retrained = inputs.retrainedIds[spec.forgetClass] ? await tools.models.get(checkpointDir, inputs.retrainedIds[spec.forgetClass]) : null;
  const base = inputs.baseId ? await tools.models.get(checkpointDir, inputs.baseId) : undefined;
  progress.step(`${spec.method} (class ${spec.forgetClass})`);
  progress.stage('loading data');
  const data = await loadDataset(spec.dataset);
  await runUnlearning(
    {
      methodId: spec.method,
      params: spec.params,
      forgetClass: spec.forgetClass,
      seed: spec.seed,
      data,
      original,
      retrained,
      base,
      label: spec.label ?? null,
      checkpointDir: job.stagingDir,
      resultsDir: job.stagingDir, // unused: storeRecord keeps the record
      storeRecord: async (record, checkpoint) => {
        await tools.commit({ checkpointIds: [checkpoint.id], records: [record] });
      },
      cache: tools.cache,
      evaluation: tools.evaluation,
    },
    {
      signal,
      onStage: (stage) => progress.stage(stage),
      onProgress: (done, total) => progress.count(done, total),
      onUnlearnProgress: (p) => progress.unlearning(p),
    },
  );
}
