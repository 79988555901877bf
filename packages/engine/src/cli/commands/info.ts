import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { findDatasets } from '../../data/searchPath.js';
import { ARCHITECTURES } from '../../models/architectures.js';
import { checkpointDir } from '../../run/checkpointDir.js';
import { readCheckpointMeta } from '../../train/checkpoint.js';
import { printBackend } from '../report.js';

export const infoUsage = `mu info
  Prints the compute backend and threads, the datasets found on the search path, the
  architectures, and the checkpoints present.`;

export async function info(): Promise<void> {
  await printBackend();
  console.log('datasets:');
  for (const d of findDatasets()) {
    console.log(`  ${d.id.padEnd(14)} ${d.location ? d.location.dir : `not found (searched ${d.searched.join(', ')})`}`);
  }
  console.log('architectures:');
  for (const a of ARCHITECTURES) console.log(`  ${a.id.padEnd(14)} ${a.label}`);
  const dir = checkpointDir();
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.json')).sort();
  console.log(`checkpoints in ${dir}: ${files.length === 0 ? 'none' : ''}`);
  for (const file of files) {
    try {
      const m = await readCheckpointMeta(path.join(dir, file));
      const meanTest = m.accuracy.test.reduce((s, x) => s + x, 0) / m.accuracy.test.length;
      console.log(
        `  ${m.id}  ${m.role.padEnd(9)} ${m.dataset.id.padEnd(13)} ${m.model.architecture.padEnd(13)} ` +
          `${m.forgetClass === null ? '     ' : `fc ${m.forgetClass}`}  test acc ${meanTest.toFixed(3)}  ${m.createdAt}`,
      );
    } catch (error) {
      console.log(`  ${file}: unreadable (${(error as Error).message})`);
    }
  }
}
