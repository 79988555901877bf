import path from 'node:path';
import { findRepoRoot } from '../data/repoRoot.js';

/** Where checkpoints live: `MU_CHECKPOINT_DIR`, else `<repo>/checkpoints`, else `./checkpoints`. */
export function checkpointDir(): string {
  if (process.env.MU_CHECKPOINT_DIR) return path.resolve(process.env.MU_CHECKPOINT_DIR);
  return path.join(findRepoRoot() ?? process.cwd(), 'checkpoints');
}
