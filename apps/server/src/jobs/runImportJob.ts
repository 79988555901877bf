import { readFile } from 'node:fs/promises';
import { evaluateImportedModel, importPytorchModel, loadDataset } from '@mu/engine';
import type { ResultRecord } from '@mu/schema';
import type { ImportJobSpec } from '../schemas/job.js';
import type { JobTools } from './jobTools.js';
import type { WorkerJob } from './messages.js';

/**
 * Imports uploaded PyTorch weights into the job's staging folder (per-class accuracy measured as
 * training does), evaluates them for the forget class against the designated models, then commits
 * the checkpoint and its records together.
 */
export async function runImportJob(job: WorkerJob, spec: ImportJobSpec, tools: JobTools): Promise<void> {
  const { signal, progress } = tools;
  const hooks = { signal, onStage: (stage: string) => progress.stage(stage), onProgress: (done: number, total: number) => progress.count(done, total) };
  progress.step(`Import ${spec.fileName} (${spec.role})`);
  progress.stage('loading data');
  const data = await loadDataset(spec.dataset);
  const bytes = new Uint8Array(await readFile(job.uploadFile!));
  const stored = await importPytorchModel(
    { bytes, fileName: spec.fileName, data, architecture: spec.architecture, role: spec.role, forgetClass: spec.forgetClass, checkpointDir: job.stagingDir },
    hooks,
  );
  let committed = false;
  try {
    const records: ResultRecord[] = [];
    if (spec.forgetClass !== null) {
      const { originalId, retrainedIds } = job.inputs;
      const original = originalId ? await tools.models.get(job.checkpointDir, originalId) : null;
      const retrained = retrainedIds[spec.forgetClass] ? await tools.models.get(job.checkpointDir, retrainedIds[spec.forgetClass]) : null;
      records.push(...(await evaluateImportedModel({ stored, data, forgetClass: spec.forgetClass, original, retrained, cache: tools.cache, evaluation: tools.evaluation }, hooks)));
    }
    signal.throwIfAborted();
    progress.stage('saving');
    await tools.commit({ checkpointIds: [stored.meta.id], records });
    committed = true;
    tools.models.add(stored);
  } finally {
    if (!committed) stored.model.dispose();
  }
}
