import { buildBaseline, evaluateBaseline, loadDataset, loadStoredModel, type StoredModel } from '@mu/engine';
import type { ResultRecord } from '@mu/schema';
import type { OriginalJobSpec, RetrainedJobSpec } from '../schemas/job.js';
import type { WorkerJob } from './messages.js';
import type { JobTools } from './jobTools.js';

/**
 * Trains an Original or a Retrained model into the job's staging folder, evaluates it (an
 * Original per requested class; a Retrained model for its class, together with the designated
 * Original for that class), then commits weights and records together.
 */
export async function runBaselineJob(job: WorkerJob, spec: OriginalJobSpec | RetrainedJobSpec, tools: JobTools): Promise<void> {
  const { signal, progress } = tools;
  const { kind: _kind, evaluateClasses: _classes, forgetClass: _fc, ...training } = spec as OriginalJobSpec & { forgetClass?: number };
  const excludeClass = spec.kind === 'retrained' ? spec.forgetClass : null;
  progress.step(excludeClass === null ? 'Original' : `Retrained (class ${excludeClass})`);
  const meta = await buildBaseline({
    config: { ...training, excludeClass },
    checkpointDir: job.stagingDir,
    signal,
    onStage: (stage) => progress.stage(stage),
    onProgress: (p) => progress.training(p),
  });
  const trained = await loadStoredModel(job.stagingDir, meta.id);
  let committed = false;
  try {
    const data = await loadDataset(spec.dataset);
    const evaluate = (stored: StoredModel, forgetClass: number, original: StoredModel, retrained: StoredModel | null, step: string) => {
      progress.step(step);
      return evaluateBaseline(
        { stored, data, forgetClass, original, retrained, cache: tools.cache, evaluation: tools.evaluation },
        { signal, onStage: (s) => progress.stage(s), onProgress: (done, total) => progress.count(done, total) },
      );
    };
    const records: ResultRecord[] = [];
    if (spec.kind === 'original') {
      for (const forgetClass of Object.keys(job.inputs.retrainedIds).map(Number)) {
        const retrained = await tools.models.get(job.checkpointDir, job.inputs.retrainedIds[forgetClass]);
        records.push(await evaluate(trained, forgetClass, trained, retrained, `Original for class ${forgetClass}`));
      }
      for (const forgetClass of spec.evaluateClasses ?? []) {
        if (job.inputs.retrainedIds[forgetClass] === undefined) records.push(await evaluate(trained, forgetClass, trained, null, `Original for class ${forgetClass}`));
      }
    } else {
      const original = await tools.models.get(job.checkpointDir, job.inputs.originalId!);
      records.push(await evaluate(trained, spec.forgetClass, original, trained, `Retrained (class ${spec.forgetClass})`));
      records.push(await evaluate(original, spec.forgetClass, original, trained, `Original for class ${spec.forgetClass}`));
    }
    signal.throwIfAborted();
    progress.stage('saving');
    await tools.commit({ checkpointIds: [meta.id], records });
    committed = true;
    tools.models.add(trained);
  } finally {
    if (!committed) trained.model.dispose();
  }
}
