import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findRepoRoot } from './repoRoot.js';
import { dataSearchRoots, findDataset, findDatasets, locateDataset } from './searchPath.js';

const tmp = mkdtempSync(join(tmpdir(), 'mu-search-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function place(root: string, id: string, names: string[]): string {
  const dir = join(root, id);
  mkdirSync(dir, { recursive: true });
  for (const name of names) writeFileSync(join(dir, name), 'x');
  return dir;
}

describe('search path', () => {
  it('finds the repo root by pnpm-workspace.yaml', () => {
    const root = findRepoRoot();
    expect(root).not.toBeNull();
    expect(findRepoRoot(join(root!, 'packages', 'engine', 'src', 'data'))).toBe(root);
    expect(findRepoRoot(tmp)).toBeNull();
  });

  it('orders MU_DATA_PATH roots, the repo, /usr/share/datasets (fashion-mnist only), the cache', () => {
    const roots = dataSearchRoots({ env: { MU_DATA_PATH: '/a::/b' }, home: '/users/u' });
    expect(roots.map((r) => r.root)).toEqual([
      '/a',
      '/b',
      join(findRepoRoot()!, 'datasets'),
      '/usr/share/datasets',
      '/users/u/.cache/unlearning-comparator/datasets',
    ]);
    expect(roots[3].only).toEqual(['fashion-mnist']);
    expect(dataSearchRoots({ roots: ['/x'] })).toEqual([{ root: '/x', source: 'explicit' }]);
  });

  it('accepts plain and gzipped files and takes the first complete copy', () => {
    const a = join(tmp, 'a');
    const b = join(tmp, 'b');
    place(a, 'cifar10-mini', ['train.bin']); // incomplete: no test.bin
    const dir = place(b, 'cifar10-mini', ['train.bin.gz', 'test.bin', 'test.bin.gz']);
    const found = findDataset('cifar10-mini', { roots: [a, b] });
    expect(found.location).toEqual({
      id: 'cifar10-mini',
      dir,
      files: { train: [join(dir, 'train.bin.gz')], test: [join(dir, 'test.bin')] },
    });
    expect(found.incomplete).toEqual([{ dir: join(a, 'cifar10-mini'), missing: 'test.bin' }]);
  });

  it('reads MU_DATA_PATH from the environment', () => {
    const c = join(tmp, 'c');
    const dir = place(c, 'cifar10-mini', ['train.bin', 'test.bin']);
    expect(locateDataset('cifar10-mini', { env: { MU_DATA_PATH: c }, home: tmp }).dir).toBe(dir);
  });

  it('names the missing file and the folder of an incomplete copy', () => {
    const d = join(tmp, 'd');
    place(d, 'cifar10', ['data_batch_1.bin', 'data_batch_2.bin.gz']);
    expect(() => locateDataset('cifar10', { roots: [d] })).toThrow(
      `cifar10: data_batch_3.bin (or data_batch_3.bin.gz) not found in ${join(d, 'cifar10')}`,
    );
  });

  it('lists every searched folder when a dataset is nowhere', () => {
    const e = join(tmp, 'e');
    const f = join(tmp, 'f');
    expect(() => locateDataset('fashion-mnist', { roots: [e, f] })).toThrow(
      `fashion-mnist: not found in ${e}/fashion-mnist, ${f}/fashion-mnist (put the files in <root>/fashion-mnist/ and list <root> in MU_DATA_PATH)`,
    );
    expect(() => locateDataset('mnist', { roots: [e] })).toThrow('unknown dataset: mnist');
  });

  it('reports every dataset for the info command', () => {
    const g = join(tmp, 'g');
    place(g, 'fashion-mnist', [
      'train-images-idx3-ubyte.gz',
      'train-labels-idx1-ubyte.gz',
      't10k-images-idx3-ubyte',
      't10k-labels-idx1-ubyte.gz',
    ]);
    const all = findDatasets({ roots: [g] });
    expect(all.map((d) => [d.id, d.location?.dir ?? null])).toEqual([
      ['cifar10', null],
      ['cifar10-mini', null],
      ['fashion-mnist', join(g, 'fashion-mnist')],
    ]);
    expect(all[0].searched).toEqual([join(g, 'cifar10')]);
  });
});
