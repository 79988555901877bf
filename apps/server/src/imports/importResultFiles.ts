import { parseReferenceFile, referenceRetrainedId } from '@mu/engine';
import type { ResultRecord } from '@mu/schema';
import { badRequest } from '../http/apiError.js';
import type { Store } from '../store/store.js';

export interface UploadedFile {
  fileName: string;
  text: string;
}

/**
 * Maps reference-system result files (either schema) to records, all or nothing: a file that
 * fails names itself in a 400 and nothing is stored. Retrained files go first, so that the attack
 * curves of the others are checked against their class's Retrained values (results-schema.md §6,
 * rule 8), from this upload or from an earlier import. Older-schema files carry their own image
 * list, so their point labels are checked against CIFAR-10's (rule 2): `labels` is asked for them
 * only when such a file is among the upload.
 */
export async function importResultFiles(files: UploadedFile[], store: Store, labels: () => Promise<ArrayLike<number> | undefined>): Promise<ResultRecord[]> {
  const importedAt = new Date().toISOString();
  const parsed = files.map((f) => ({ ...f, role: peekRole(f.text) }));
  const cifar10Labels = parsed.some((f) => peek(f.text)?.id !== undefined) ? await labels() : undefined;
  parsed.sort((a, b) => Number(b.role === 'Retrained') - Number(a.role === 'Retrained'));
  const retrained = new Map<number, ResultRecord>();
  const records: ResultRecord[] = [];
  for (const file of parsed) {
    const fc = peekClass(file.text);
    const reference = fc === null ? null : (retrained.get(fc) ?? store.results.get(referenceRetrainedId(fc)));
    const subset = reference?.attack?.subset;
    let record: ResultRecord;
    try {
      record = parseReferenceFile(file.text, {
        fileName: file.fileName,
        importedAt,
        cifar10Labels,
        retrainedSubset: subset ? { entropy: subset.entropy, confidence: subset.confidence } : undefined,
      });
    } catch (error) {
      throw badRequest((error as Error).message);
    }
    if (records.some((r) => r.id === record.id)) throw badRequest(`${file.fileName}: result ${record.id} appears twice in this upload`);
    if (record.role === 'retrained') retrained.set(record.config.forgetClass, record);
    records.push(record);
  }
  return records;
}

function peek(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function peekRole(text: string): unknown {
  const f = peek(text);
  return f?.Type ?? f?.phase;
}

function peekClass(text: string): number | null {
  const f = peek(text);
  const fc = f?.FC ?? f?.fc;
  return Number.isInteger(fc) ? (fc as number) : null;
}
