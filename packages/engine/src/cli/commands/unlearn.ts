import { loadDataset } from '../../data/loadDataset.js';
import { checkpointDir } from '../../run/checkpointDir.js';
import { findDesignated, loadStoredModel, type StoredModel } from '../../run/checkpointIndex.js';
import { resultsDir } from '../../run/resultStore.js';
import { runUnlearning } from '../../run/unlearn.js';
import { loadCustomMethods } from '../loadCustomMethods.js';
import { splitMethodParams } from '../methodParams.js';
import { integerOption } from '../options.js';
import { printBackend } from '../report.js';
import { UsageError } from '../usageError.js';
import { printResultTable } from '../resultTable.js';

export const unlearnUsage = `mu unlearn --method <id> --forget-class K [--<param> value …] [--seed S]
           [--original ID] [--retrained ID] [--base ID] [--dataset D --arch A] [--label TEXT]
  Runs an unlearning method on the designated Original (the newest Original checkpoint of the
  dataset and architecture, or --original) and evaluates it against the designated Retrained
  model of class K; writes the result record (results/) and the unlearned weights (checkpoints/).
  Method parameters: see \`mu methods\`.`;

const OWN = new Set(['method', 'forget-class', 'seed', 'original', 'retrained', 'base', 'dataset', 'arch', 'label']);

export async function unlearn(argv: string[]): Promise<void> {
  const { own, params } = splitMethodParams(argv, OWN, new Set(['no-forget-accuracy']));
  if (typeof own.method !== 'string') throw new UsageError('missing --method (see mu methods)');
  const forgetClass = integerOption(own, 'forget-class');
  if (forgetClass === undefined) throw new UsageError('missing --forget-class');
  await loadCustomMethods();
  await printBackend();

  const dir = checkpointDir();
  const load = (id: string) => loadStoredModel(dir, id);
  const originalMeta =
    typeof own.original === 'string'
      ? null
      : await findDesignated(dir, { role: 'original', dataset: own.dataset as string | undefined, architecture: own.arch as string | undefined });
  if (typeof own.original !== 'string' && !originalMeta) {
    throw new Error(`no Original checkpoint in ${dir}${own.dataset ? ` for ${own.dataset}` : ''} (train one with mu train)`);
  }
  const original = await load(typeof own.original === 'string' ? own.original : originalMeta!.id);
  const models: StoredModel[] = [original];
  try {
    const retrainedMeta =
      typeof own.retrained === 'string'
        ? null
        : await findDesignated(dir, { role: 'retrained', dataset: original.meta.dataset.id, architecture: original.meta.model.architecture, forgetClass });
    const retrained = typeof own.retrained === 'string' ? await load(own.retrained) : retrainedMeta ? await load(retrainedMeta.id) : null;
    if (retrained) models.push(retrained);
    else console.error(`warning: no Retrained model for class ${forgetClass}: attack curves and PS will be null`);
    const base = typeof own.base === 'string' ? await load(own.base) : undefined;
    if (base) models.push(base);
    const data = await loadDataset(original.meta.dataset.id);

    const { record } = await runUnlearning(
      {
        methodId: own.method,
        params,
        forgetClass,
        seed: integerOption(own, 'seed'),
        data,
        original,
        retrained,
        base,
        label: typeof own.label === 'string' ? own.label : null,
        checkpointDir: dir,
        resultsDir: resultsDir(),
        trackForgetAccuracy: !own['no-forget-accuracy'],
      },
      {
        onStage: (stage) => console.error(`${stage}…`),
        onEpoch: (e) =>
          console.error(`epoch ${e.epoch}: loss ${e.loss?.toFixed(4) ?? '–'} forget acc ${e.forgetAccuracy?.toFixed(3) ?? '–'} (${e.seconds.toFixed(1)} s)`),
      },
    );
    console.log(`saved result ${record.id} (${record.config.method.id}, forget class ${forgetClass}) to ${resultsDir()}`);
    printResultTable([record]);
  } finally {
    for (const m of models) m.model.dispose();
  }
}
