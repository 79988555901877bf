import path from 'node:path';
import { parseArgs } from 'node:util';
import { fetchCifar10 } from '../../data/fetchCifar10.js';
import { findRepoRoot } from '../../data/repoRoot.js';
import { UsageError } from '../usageError.js';

export const fetchDataUsage = `mu fetch-data [cifar10] [--dir DIR] [--force]
  Downloads the official CIFAR-10 binary archive, verifies its md5 and writes the six .bin
  files to DIR/cifar10 (default DIR: <repo>/datasets). Fashion-MNIST comes from Debian's
  package dataset-fashion-mnist (apt-get install dataset-fashion-mnist).`;

export async function fetchData(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: { dir: { type: 'string' }, force: { type: 'boolean' } },
  });
  const id = positionals[0] ?? 'cifar10';
  if (positionals.length > 1 || id !== 'cifar10') {
    throw new UsageError(`fetch-data downloads cifar10 only (got ${positionals.join(' ')}); fashion-mnist: apt-get install dataset-fashion-mnist`);
  }
  const root = values.dir ?? path.join(findRepoRoot() ?? process.cwd(), 'datasets');
  let lastReport = 0;
  const result = await fetchCifar10(root, {
    force: values.force,
    onProgress: (received, total) => {
      if (Date.now() - lastReport < 2000) return;
      lastReport = Date.now();
      console.error(`downloaded ${(received / 2 ** 20).toFixed(1)} MiB${total ? ` of ${(total / 2 ** 20).toFixed(1)} MiB` : ''}`);
    },
  });
  console.log(result.downloaded ? `cifar10: wrote ${result.files.length} files to ${result.dir}` : `cifar10: already present in ${result.dir}`);
}
