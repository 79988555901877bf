import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | null | undefined;

/**
 * The workspace root: the nearest folder at or above `from` (default: this file's folder) that
 * holds `pnpm-workspace.yaml`, or null when there is none (e.g. a bundled install).
 *
 *   join(findRepoRoot() ?? '.', 'datasets');
 */
export function findRepoRoot(from?: string): string | null {
  if (from === undefined) {
    if (cached === undefined) cached = walkUp(dirname(fileURLToPath(import.meta.url)));
    return cached;
  }
  return walkUp(from);
}

function walkUp(start: string): string | null {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (dirname(dir) === dir) return null;
  }
}
