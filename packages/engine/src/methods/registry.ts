import { readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MethodDescriptor } from '@mu/schema';
import { builtInMethods } from './builtInMethods.js';
import type { UnlearnMethod } from './types.js';
import { validateDescriptor } from './validateDescriptor.js';

/**
 * The one place methods are registered: built-ins and custom methods alike (methods.md §6).
 * Registration validates the descriptor; a duplicate id or an invalid descriptor throws one line.
 *
 *   const registry = new MethodRegistry(builtInMethods);
 *   await registry.loadFolder('methods');
 *   registry.get('scrub').descriptor.params;
 */
export class MethodRegistry {
  private readonly methods = new Map<string, UnlearnMethod>();

  constructor(methods: readonly UnlearnMethod[] = []) {
    for (const method of methods) this.register(method);
  }

  /** Adds a method; `origin` (a file name) is named in errors. */
  register(method: unknown, origin?: string): UnlearnMethod {
    const checked = checkMethod(method, origin);
    const id = checked.descriptor.id;
    if (this.methods.has(id)) throw new Error(`duplicate method id: ${id}${origin ? ` (in ${origin})` : ''}`);
    this.methods.set(id, checked);
    return checked;
  }

  has(id: string): boolean {
    return this.methods.has(id);
  }

  /** The method with this id; unknown → `unknown method: x (expected ft, ga, …)`. */
  get(id: string): UnlearnMethod {
    const method = this.methods.get(id);
    if (!method) throw new Error(`unknown method: ${id} (expected ${[...this.methods.keys()].join(', ')})`);
    return method;
  }

  /** Every method, in registration order (built-ins first). */
  list(): UnlearnMethod[] {
    return [...this.methods.values()];
  }

  /** Every descriptor, as the server publishes them. */
  descriptors(): MethodDescriptor[] {
    return this.list().map((m) => m.descriptor);
  }

  /**
   * Imports every `.ts`, `.js` and `.mjs` module of `dir` (not `.d.ts`, not `*.test.*`), in name
   * order, and registers each default export `{descriptor, unlearn}`. Either all of the folder's
   * methods are registered or, on the first bad module, none. `.ts` modules need a TypeScript
   * loader (tsx, as the `mu` command and the server run under, or Vitest).
   */
  async loadFolder(dir: string): Promise<UnlearnMethod[]> {
    const folder = resolve(dir);
    if (!isDirectory(folder)) throw new Error(`methods folder not found: ${dir}`);
    const files = readdirSync(folder, { withFileTypes: true })
      .filter((e) => e.isFile() && /\.(ts|js|mjs)$/.test(e.name) && !/\.d\.ts$|\.test\.(ts|js|mjs)$|^\./.test(e.name))
      .map((e) => e.name)
      .sort();
    const loaded: { method: UnlearnMethod; file: string }[] = [];
    for (const file of files) {
      let module: { default?: unknown };
      try {
        module = (await import(pathToFileURL(join(folder, file)).href)) as { default?: unknown };
      } catch (error) {
        throw new Error(`cannot load method module ${file}: ${String((error as Error).message ?? error).split('\n')[0]}`);
      }
      const method = checkMethod(module.default, file);
      const clash = this.methods.has(method.descriptor.id) || loaded.some((l) => l.method.descriptor.id === method.descriptor.id);
      if (clash) throw new Error(`duplicate method id: ${method.descriptor.id} (in ${file})`);
      loaded.push({ method, file });
    }
    return loaded.map(({ method, file }) => this.register(method, file));
  }
}

function checkMethod(method: unknown, origin?: string): UnlearnMethod {
  const m = method as Partial<UnlearnMethod> | null | undefined;
  if (typeof m !== 'object' || m === null || typeof m.unlearn !== 'function' || typeof m.descriptor !== 'object') {
    throw new Error(origin ? `invalid method module ${basename(origin)}: expected a default export {descriptor, unlearn}` : 'invalid method: expected {descriptor, unlearn}');
  }
  try {
    validateDescriptor(m.descriptor);
  } catch (error) {
    throw new Error(`${(error as Error).message}${origin ? ` (in ${origin})` : ''}`);
  }
  return { descriptor: m.descriptor as MethodDescriptor, unlearn: m.unlearn };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The engine's registry: the built-in methods, plus whatever `loadMethodsFolder` adds. */
export const methodRegistry = new MethodRegistry(builtInMethods);

/** Every registered method (built-ins first). */
export const listMethods = (): UnlearnMethod[] => methodRegistry.list();

/** The registered method with this id, or `unknown method: x (expected ft, ga, …)`. */
export const getMethod = (id: string): UnlearnMethod => methodRegistry.get(id);

/** Registers a custom method given in code. */
export const registerMethod = (method: UnlearnMethod): UnlearnMethod => methodRegistry.register(method);

/**
 * Imports and registers every method module of a folder (the CLI's and the server's methods
 * folder) into the engine's registry, or into `registry`.
 *
 *   await loadMethodsFolder(join(repoRoot(), 'methods'));
 */
export const loadMethodsFolder = (dir: string, registry: MethodRegistry = methodRegistry): Promise<UnlearnMethod[]> => registry.loadFolder(dir);
