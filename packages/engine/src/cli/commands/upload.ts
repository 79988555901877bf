import { checkForgetClass } from '../../data/checkForgetClass.js';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadDataset } from '../../data/loadDataset.js';
import { evaluateUpload } from '../../run/evaluateUpload.js';
import { resultsDir, saveResult } from '../../run/resultStore.js';
import { newId, saveCheckpoint } from '../../train/checkpoint.js';
import { loadDesignatedModels } from '../designatedModels.js';
import { integerOption } from '../options.js';
import { printBackend } from '../report.js';
import { printResultTable } from '../resultTable.js';
import { UsageError } from '../usageError.js';

export const uploadUsage = `mu upload <path/to/<id>.json> --forget-class K [--label TEXT] [--original ID] [--retrained ID]
  Upload (methods.md §5.8): evaluates an external checkpoint (our format, same dataset and
  architecture as the designated Original) with the full pipeline; stores a copy of its weights
  and the result record (method upload, RTE none).`;

export async function upload(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: { 'forget-class': { type: 'string' }, label: { type: 'string' }, original: { type: 'string' }, retrained: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError('expected one checkpoint file');
  const forgetClass = integerOption(values, 'forget-class');
  if (forgetClass === undefined) throw new UsageError('missing --forget-class');
  await printBackend();
  const { original, retrained, dir } = await loadDesignatedModels({ original: values.original, retrained: values.retrained, forgetClass });
  try {
    const data = await loadDataset(original.meta.dataset.id);
    checkForgetClass(forgetClass, data.descriptor.numClasses);
    const id = newId();
    const { record, upload: stored } = await evaluateUpload(
      { checkpointPath: path.resolve(positionals[0]), data, forgetClass, original, retrained, id, label: values.label ?? path.basename(positionals[0]) },
      { onStage: (stage) => console.error(`${stage}…`) },
    );
    try {
      await saveCheckpoint(dir, stored.model, { ...stored.meta, role: 'unlearned', forgetClass, trainingSeconds: null }, id);
      await saveResult(resultsDir(), record);
    } finally {
      stored.model.dispose();
    }
    console.log(`saved result ${record.id} (upload of ${positionals[0]}, forget class ${forgetClass}) to ${resultsDir()}`);
    printResultTable([record]);
  } finally {
    original.model.dispose();
    retrained?.model.dispose();
  }
}
