import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Creates the data folder and its checkpoint folder and proves that files can be written there,
 * before the database opens: a folder that cannot be used stops start-up with one line naming
 * the folder and the reason (read-only, not writable, a path through a regular file, a full
 * disk), instead of SQLite's "unable to open database file" or a bare ENOENT.
 *
 *   prepareDataFolder('/srv/mu')  // throws "data folder /srv/mu is read-only (…)" on a read-only mount
 */
export function prepareDataFolder(dataDir: string, checkpointDir: string): void {
  try {
    mkdirSync(checkpointDir, { recursive: true });
    const probe = path.join(dataDir, `.write-check-${process.pid}`);
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (error) {
    throw new Error(`data folder ${dataDir} ${reason((error as NodeJS.ErrnoException).code)} (set MU_DATA_DIR to a writable folder)`);
  }
}

function reason(code: string | undefined): string {
  switch (code) {
    case 'EROFS':
      return 'is read-only (a read-only file system)';
    case 'EACCES':
    case 'EPERM':
      return 'is not writable (permission denied)';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'cannot be created: part of its path is a regular file, not a folder';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'cannot be written: the disk is full';
    default:
      return `cannot be used (${code ?? 'unknown error'})`;
  }
}
