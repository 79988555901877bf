import path from 'node:path';
import { parseArgs } from 'node:util';
import { architectureInfo } from '../../models/architectures.js';
import { describeDataset } from '../../data/catalog.js';
import { checkForgetClass } from '../../data/checkForgetClass.js';
import { loadDataset } from '../../data/loadDataset.js';
import { checkpointDir } from '../../run/checkpointDir.js';
import { findDesignated, listCheckpoints, loadStoredModel, type StoredModel } from '../../run/checkpointIndex.js';
import { evaluateImportedModel, importPytorchModel, removeImportedCheckpoint, type ImportRole } from '../../run/importPytorchModel.js';
import { resultsDir, saveResult } from '../../run/resultStore.js';
import { readPytorchWeights } from '../../weights/pytorchWeights.js';
import { readWeightsFile } from '../../weights/readStateDict.js';
import { integerOption } from '../options.js';
import { printAccuracyTable, printBackend, warnUnreadable } from '../report.js';
import { printResultTable } from '../resultTable.js';
import { UsageError } from '../usageError.js';

const ROLES: readonly ImportRole[] = ['original', 'retrained', 'unlearned'];

export const importWeightsUsage = `mu import-weights FILE --arch A --dataset D [--role original|retrained|unlearned] [--forget-class K]
  Imports PyTorch weights (.pth from torch.save(state_dict), or .safetensors; torchvision tensor
  names) as a checkpoint, measures its per-class accuracy and, given a forget class, evaluates it
  with the full pipeline against the designated Original and Retrained models (result record in
  the results folder). Role default: unlearned (needs --forget-class, as does retrained). The last
  line of stdout is the new checkpoint id.`;

export async function importWeights(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: { arch: { type: 'string' }, dataset: { type: 'string' }, role: { type: 'string' }, 'forget-class': { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError('expected one weights file');
  if (!values.arch) throw new UsageError('missing --arch');
  if (!values.dataset) throw new UsageError('missing --dataset');
  const role = (values.role ?? 'unlearned') as ImportRole;
  if (!ROLES.includes(role)) throw new UsageError(`invalid --role: ${values.role} (expected ${ROLES.join(', ')})`);
  const forgetClass = integerOption(values, 'forget-class') ?? null;
  if (role !== 'original' && forgetClass === null) throw new UsageError(`missing --forget-class (a ${role} model is tied to one)`);
  architectureInfo(values.arch);

  const file = path.resolve(positionals[0]);
  const bytes = await readWeightsFile(file);
  // A file that does not fit fails here, before the backend starts and the data loads.
  const descriptor = describeDataset(values.dataset);
  readPytorchWeights(bytes, { architecture: values.arch, inputChannels: descriptor.inputShape[2], numClasses: descriptor.numClasses });
  await printBackend();
  const data = await loadDataset(values.dataset);
  if (forgetClass !== null) checkForgetClass(forgetClass, data.descriptor.numClasses);
  const dir = checkpointDir();
  const { checkpoints, unreadable } = await listCheckpoints(dir);
  warnUnreadable(unreadable);
  const designated = async (query: Parameters<typeof findDesignated>[1]) => {
    const meta = findDesignated(checkpoints, { dataset: data.descriptor.id, architecture: values.arch, ...query });
    return meta ? loadStoredModel(dir, meta.id) : null;
  };
  // References first, so that a missing Original fails before anything is written.
  const original = role === 'original' ? null : await designated({ role: 'original' });
  if (role !== 'original' && !original) throw new Error(`no Original model of ${data.descriptor.id} / ${values.arch} in ${dir} (import or train one first)`);
  const retrained = role === 'retrained' || forgetClass === null ? null : await designated({ role: 'retrained', forgetClass });
  const references: (StoredModel | null)[] = [original, retrained];
  try {
    const stored = await importPytorchModel(
      { bytes, fileName: path.basename(file), data, architecture: values.arch, role, forgetClass, checkpointDir: dir },
      { onStage: (stage) => console.error(`${stage}…`) },
    );
    try {
      console.log(`imported ${path.basename(file)} as ${role} checkpoint ${stored.meta.id} (${values.arch}, ${data.descriptor.id})`);
      printAccuracyTable(stored.meta.accuracy, data.descriptor.id);
      if (forgetClass !== null) {
        if (!retrained && role !== 'retrained') console.error(`warning: no Retrained model for class ${forgetClass}: attack curves and PS will be null`);
        const records = await evaluateImportedModel(
          { stored, data, forgetClass, original, retrained },
          { onStage: (stage) => console.error(`${stage}…`) },
        ).catch(async (error) => {
          await removeImportedCheckpoint(dir, stored.meta.id);
          throw error;
        });
        for (const record of records) await saveResult(resultsDir(), record);
        console.log(`saved ${records.map((r) => `result ${r.id}`).join(' and ')} (forget class ${forgetClass}) to ${resultsDir()}`);
        printResultTable(records);
      }
      console.log(stored.meta.id);
    } finally {
      stored.model.dispose();
    }
  } finally {
    for (const reference of references) reference?.model.dispose();
  }
}
