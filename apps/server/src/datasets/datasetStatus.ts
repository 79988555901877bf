import { statSync } from 'node:fs';
import { datasetIds, describeDataset, findDataset, loadDataset, type DatasetLocation, type LoadedDataset } from '@mu/engine';
import { ApiError, notFound } from '../http/apiError.js';
import { redactPaths } from '../http/redactPaths.js';
import type { Dataset } from '../schemas/api.js';

/**
 * Whether this server can serve a dataset: its files are found on the data search path, and
 * (once read) they decode. The first use reads and checks every file (the engine's sizes, record
 * and label checks, and its checksum); the verdict is kept until a file changes (size or
 * modification time), so a corrupt copy is reported unavailable, with the reason, instead of
 * failing each image request.
 *
 *   const status = new DatasetStatus();
 *   await status.load('cifar10-mini');       // the data, or a 503 naming what is wrong
 *   status.describe('cifar10-mini').problem; // null, or why it is unavailable
 */
export class DatasetStatus {
  /** Verdicts by file identity: null when the files decoded, else the problem. */
  private readonly verdicts = new Map<string, string | null>();

  /** The catalogue entry with availability as far as it is known (files found, not known corrupt). */
  describe(id: string): Dataset {
    const d = describeDataset(knownDataset(id));
    const found = findDataset(id);
    const problem = found.location
      ? (this.verdicts.get(fileKey(found.location)) ?? null)
      : found.incomplete.length > 0
        ? // The folder's name only: a client learns nothing of this server's layout.
          redactPaths(`${found.incomplete[0].missing} missing in ${found.incomplete[0].dir}`)
        : 'not found on the data search path';
    return {
      id: d.id, label: d.label, numClasses: d.numClasses, classNames: [...d.classNames], splits: { ...d.splits },
      inputShape: [...d.inputShape], available: problem === null, problem,
    };
  }

  /** Reads and checks the dataset once (cached), then describes it. */
  async verify(id: string): Promise<Dataset> {
    const info = this.describe(id);
    if (info.available) await this.load(id).catch(() => undefined);
    return this.describe(id);
  }

  /**
   * The dataset's data: 404 when the files are not on this server, 503 naming the problem when
   * they cannot be read or decoded.
   */
  async load(id: string): Promise<LoadedDataset> {
    const found = findDataset(knownDataset(id));
    if (!found.location) throw notFound(`dataset ${id} is not available on this server (${this.describe(id).problem})`);
    const key = fileKey(found.location);
    const problem = this.verdicts.get(key);
    if (problem) throw unavailable(id, problem);
    try {
      const data = await loadDataset(id);
      this.verdicts.set(key, null);
      return data;
    } catch (error) {
      const reason = `its files are unreadable or corrupt: ${redactPaths((error as Error).message.split('\n')[0])}`;
      this.verdicts.set(key, reason);
      throw unavailable(id, reason);
    }
  }
}

/** The id when the engine knows the dataset, else a 404. */
export function knownDataset(id: string): string {
  if (!(datasetIds as readonly string[]).includes(id)) throw notFound(`unknown dataset: ${id} (expected ${datasetIds.join(', ')})`);
  return id;
}

function unavailable(id: string, problem: string): ApiError {
  return new ApiError(503, `dataset ${id} is unavailable: ${problem}`);
}

/** The files' paths, sizes and modification times: a changed file is checked again. */
function fileKey(location: DatasetLocation): string {
  return [...location.files.train, ...location.files.test]
    .map((file) => {
      try {
        const s = statSync(file);
        return `${file}:${s.size}:${s.mtimeMs}`;
      } catch {
        return `${file}:gone`;
      }
    })
    .join('\n');
}
