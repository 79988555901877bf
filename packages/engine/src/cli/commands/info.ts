import { findDatasets } from '../../data/searchPath.js';
import { ARCHITECTURES } from '../../models/architectures.js';
import { checkpointDir } from '../../run/checkpointDir.js';
import { listCheckpoints } from '../../run/checkpointIndex.js';
import { formatAccuracy, meanAccuracy, printBackend, warnUnreadable } from '../report.js';

export const infoUsage = `mu info
  Prints the compute backend and threads, the datasets found on the search path, the
  architectures, and the checkpoints present (a warning for each unreadable one).`;

export async function info(): Promise<void> {
  await printBackend();
  console.log('datasets:');
  for (const d of findDatasets()) {
    console.log(`  ${d.id.padEnd(14)} ${d.location ? d.location.dir : `not found (searched ${d.searched.join(', ')})`}`);
  }
  console.log('architectures:');
  for (const a of ARCHITECTURES) console.log(`  ${a.id.padEnd(14)} ${a.label}`);
  const dir = checkpointDir();
  const { checkpoints, unreadable } = await listCheckpoints(dir);
  console.log(`checkpoints in ${dir}: ${checkpoints.length === 0 ? 'none' : ''}`);
  for (const m of checkpoints) {
    console.log(
      `  ${m.id}  ${m.role.padEnd(9)} ${m.dataset.id.padEnd(13)} ${m.model.architecture.padEnd(13)} ` +
        `${m.forgetClass === null ? '     ' : `fc ${m.forgetClass}`}  test acc ${formatAccuracy(meanAccuracy(m.accuracy.test))}  ${m.createdAt}`,
    );
  }
  warnUnreadable(unreadable);
}
