import type { ResultRecord } from '@mu/schema';
import { type ImportOptions, importReferenceResult } from './importReferenceResult.js';

/**
 * Parses and imports the text of a reference-system result file; every failure is one line that
 * starts with the file name.
 *
 *   parseReferenceFile(readFileSync(path, 'utf8'), { fileName: 'f48d.json', importedAt })
 */
export function parseReferenceFile(text: string, options: ImportOptions): ResultRecord {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    // V8 quotes the start of the text after an unexpected token: the file's content is not repeated back.
    const problem = (e as Error).message.split('\n')[0].replace(/, ".*"(\.\.\.)? is not valid JSON$/, '');
    throw new Error(`${options.fileName}: not a reference result file: invalid JSON (${problem})`);
  }
  try {
    return importReferenceResult(parsed, options);
  } catch (e) {
    throw new Error(`${options.fileName}: ${(e as Error).message.split('\n')[0]}`);
  }
}
