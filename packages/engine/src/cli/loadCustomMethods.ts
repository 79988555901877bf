import { existsSync } from 'node:fs';
import path from 'node:path';
import { findRepoRoot } from '../data/repoRoot.js';
import { loadMethodsFolder } from '../methods/registry.js';

/** The custom-methods folder: `MU_METHODS_DIR`, else `<repo>/methods`. */
export function methodsDir(): string {
  return process.env.MU_METHODS_DIR ? path.resolve(process.env.MU_METHODS_DIR) : path.join(findRepoRoot() ?? process.cwd(), 'methods');
}

/** Registers every custom method of the methods folder next to the built-ins (once). */
let loaded: Promise<void> | null = null;
export function loadCustomMethods(): Promise<void> {
  loaded ??= (async () => {
    const dir = methodsDir();
    if (existsSync(dir)) await loadMethodsFolder(dir);
  })();
  return loaded;
}
