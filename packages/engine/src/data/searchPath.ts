import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { datasetIds, describeDataset, type DatasetDescriptor, type DatasetId } from './catalog.js';
import { findRepoRoot } from './repoRoot.js';

/**
 * Where datasets are looked for, in order (first complete copy wins):
 *   1. every root in `MU_DATA_PATH` (colon-separated),
 *   2. `<repo root>/datasets/`,
 *   3. `/usr/share/datasets/` (fashion-mnist only: the Debian `dataset-fashion-mnist` layout),
 *   4. `~/.cache/unlearning-comparator/datasets/`.
 * Dataset `<id>` lives in `<root>/<id>/`; each file may be stored plain or gzipped (`<name>.gz`).
 * A subset (`fashion-mnist-mini`) is found wherever the dataset it is cut from is found.
 */
export interface SearchRoot {
  root: string;
  source: 'MU_DATA_PATH' | 'repo' | 'system' | 'cache' | 'explicit';
  /** Only these datasets are looked for here; all when absent. */
  only?: readonly DatasetId[];
}

export interface SearchOptions {
  /** Use exactly these roots instead of the search path (tests, a CLI `--data` flag). */
  roots?: readonly string[];
  /** Environment to read `MU_DATA_PATH` from; default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Home folder for the cache location; default `os.homedir()`. */
  home?: string;
}

export interface DatasetLocation {
  id: DatasetId;
  /** The folder holding the files: `<root>/<id>` (`<root>/<subsetOf>` for a subset). */
  dir: string;
  /** Resolved paths, one per descriptor file, in descriptor order. */
  files: { train: string[]; test: string[] };
}

export interface DatasetAvailability {
  id: DatasetId;
  /** The complete copy that would be loaded, if any. */
  location: DatasetLocation | null;
  /** Folders that exist but lack files, with the first missing file name. */
  incomplete: { dir: string; missing: string }[];
  /** Every folder looked in, in order. */
  searched: string[];
}

/** The ordered search roots (see above). */
export function dataSearchRoots(options: SearchOptions = {}): SearchRoot[] {
  if (options.roots) return options.roots.map((root) => ({ root: resolve(root), source: 'explicit' }));
  const env = options.env ?? process.env;
  const roots: SearchRoot[] = (env.MU_DATA_PATH ?? '')
    .split(delimiter)
    .filter((root) => root.length > 0)
    .map((root) => ({ root: resolve(root), source: 'MU_DATA_PATH' }));
  const repo = findRepoRoot();
  if (repo) roots.push({ root: join(repo, 'datasets'), source: 'repo' });
  roots.push({ root: '/usr/share/datasets', source: 'system', only: ['fashion-mnist'] });
  roots.push({ root: join(options.home ?? homedir(), '.cache', 'unlearning-comparator', 'datasets'), source: 'cache' });
  return roots;
}

/** Where each known dataset is found (for the CLI `info` command). */
export function findDatasets(options: SearchOptions = {}): DatasetAvailability[] {
  return datasetIds.map((id) => findDataset(id, options));
}

/** Where one dataset is found, complete or not. */
export function findDataset(id: string, options: SearchOptions = {}): DatasetAvailability {
  const descriptor = describeDataset(id);
  const folder = descriptor.subsetOf ?? descriptor.id;
  const result: DatasetAvailability = { id: descriptor.id, location: null, incomplete: [], searched: [] };
  for (const { root, only } of dataSearchRoots(options)) {
    if (only && !only.includes(folder)) continue;
    const dir = join(root, folder);
    result.searched.push(dir);
    if (!isDirectory(dir)) continue;
    const found = resolveFiles(descriptor, dir);
    if ('missing' in found) {
      result.incomplete.push({ dir, missing: found.missing });
    } else {
      result.location = { id: descriptor.id, dir, files: found };
      break;
    }
  }
  return result;
}

/**
 * The first complete copy of a dataset, or a one-line error naming what is missing where.
 *
 *   locateDataset('cifar10-mini').files.train; // ['/…/datasets/cifar10-mini/train.bin.gz']
 */
export function locateDataset(id: string, options: SearchOptions = {}): DatasetLocation {
  const found = findDataset(id, options);
  if (found.location) return found.location;
  if (found.incomplete.length > 0) {
    const { dir, missing } = found.incomplete[0];
    throw new Error(`${found.id}: ${missing} (or ${missing}.gz) not found in ${dir}`);
  }
  const folder = describeDataset(found.id).subsetOf ?? found.id;
  throw new Error(
    `${found.id}: not found in ${found.searched.join(', ')} ` +
      `(put the files in <root>/${folder}/ and list <root> in MU_DATA_PATH)`,
  );
}

/** Paths of every descriptor file in `dir` (plain preferred over `.gz`), or the first missing name. */
function resolveFiles(descriptor: DatasetDescriptor, dir: string): DatasetLocation['files'] | { missing: string } {
  const files: DatasetLocation['files'] = { train: [], test: [] };
  for (const split of ['train', 'test'] as const) {
    for (const { name } of descriptor.files[split]) {
      const path = [join(dir, name), join(dir, `${name}.gz`)].find(isFile);
      if (!path) return { missing: name };
      files[split].push(path);
    }
  }
  return files;
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}
