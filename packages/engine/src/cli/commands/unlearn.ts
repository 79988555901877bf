import { loadDataset } from '../../data/loadDataset.js';
import { loadStoredModel, type StoredModel } from '../../run/checkpointIndex.js';
import { loadDesignatedModels } from '../designatedModels.js';
import { resultsDir } from '../../run/resultStore.js';
import { runUnlearning } from '../../run/unlearn.js';
import { loadCustomMethods } from '../loadCustomMethods.js';
import { splitMethodParams } from '../methodParams.js';
import { paramsFromText } from '../../methods/paramsFromText.js';
import { getMethod } from '../../methods/registry.js';
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

  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const { original, retrained, dir } = await loadDesignatedModels({
    original: str(own.original),
    retrained: str(own.retrained),
    dataset: str(own.dataset),
    architecture: str(own.arch),
    forgetClass,
  });
  const models: StoredModel[] = retrained ? [original, retrained] : [original];
  try {
    const base = typeof own.base === 'string' ? await loadStoredModel(dir, own.base) : undefined;
    if (base) models.push(base);
    const data = await loadDataset(original.meta.dataset.id);

    const { record } = await runUnlearning(
      {
        methodId: own.method,
        params: paramsFromText(getMethod(own.method).descriptor, params),
        forgetClass,
        seed: integerOption(own, 'seed'),
        data,
        original,
        retrained,
        base,
        label: str(own.label) ?? null,
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
