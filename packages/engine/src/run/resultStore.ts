import { mkdir, readdir, readFile, rename, writeFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { assertResult, type ResultRecord, upgradeLegacyPreset } from '@mu/schema';
import { findRepoRoot } from '../data/repoRoot.js';
import { newId } from '../train/checkpoint.js';

/** Where the command line keeps result records: `MU_RESULTS_DIR`, else `<repo>/results`. */
export function resultsDir(): string {
  if (process.env.MU_RESULTS_DIR) return path.resolve(process.env.MU_RESULTS_DIR);
  return path.join(findRepoRoot() ?? process.cwd(), 'results');
}

/** Writes a validated record as compact JSON `<dir>/<id>.json`, atomically (temp file + rename). */
export async function saveResult(dir: string, record: ResultRecord): Promise<string> {
  assertResult(record);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${record.id}.json`);
  const temp = `${file}.tmp-${process.pid}-${newId()}`;
  try {
    await writeFile(temp, JSON.stringify(record));
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return file;
}

/** Every valid record in `dir` (others are skipped); one stored before recipes has its `config.preset` read as `config.recipe`. */
export async function listResults(dir: string): Promise<ResultRecord[]> {
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.json'));
  const records: ResultRecord[] = [];
  for (const f of files) {
    try {
      records.push(assertResult(upgradeLegacyPreset(JSON.parse(await readFile(path.join(dir, f), 'utf8')))));
    } catch {
      // not a result record
    }
  }
  return records;
}
