export const BACKEND_CHOICES = ['auto', 'tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];
export type BackendName = 'tensorflow-gpu' | 'tensorflow' | 'wasm' | 'cpu';

/** A native backend that could not be used: not installed at all, or installed but failing to load. */
export type NativeLoad = { ok: true } | { ok: false; installed: boolean; reason: string };

/** How each backend is started; `initBackend` passes the real ones, tests pass mocks. */
export interface BackendLoaders {
  native(name: 'tensorflow-gpu' | 'tensorflow'): Promise<NativeLoad>;
  /** Starts wasm; resolves with its real thread count and whether SIMD is on, or throws. */
  wasm(threads: number): Promise<{ threads: number; simd: boolean }>;
  cpu(): Promise<void>;
}

export interface ChosenBackend {
  name: BackendName;
  /** Threads the backend really uses; null where it does not tell (tfjs-node). */
  threads: number | null;
  /** Whether SIMD is used; null where the backend does not tell (tfjs-node). */
  simd: boolean | null;
  /** Why a faster backend was not used, when one was skipped. */
  warnings: string[];
}

/**
 * Starts the first backend that works, in order: tensorflow-gpu, tensorflow (tfjs-node, when
 * installed), wasm, then cpu with a warning. A named choice uses only that backend and throws when
 * it does not start. A native backend that is installed but fails to load is reported as a warning;
 * one that is simply not installed is not.
 */
export async function chooseBackend(choice: BackendChoice, threads: number, loaders: BackendLoaders): Promise<ChosenBackend> {
  const warnings: string[] = [];
  for (const native of ['tensorflow-gpu', 'tensorflow'] as const) {
    if (choice !== 'auto' && choice !== native) continue;
    const loaded = await loaders.native(native);
    if (loaded.ok) return { name: native, threads: null, simd: null, warnings };
    if (choice === native) throw new Error(`backend ${native} is not available: ${loaded.reason}`);
    if (loaded.installed) warnings.push(`${native} backend failed to load (${loaded.reason})`);
  }

  if (choice === 'auto' || choice === 'wasm') {
    try {
      return { name: 'wasm', ...(await loaders.wasm(threads)), warnings };
    } catch (error) {
      if (choice === 'wasm') throw new Error(`backend wasm failed to start: ${(error as Error).message}`);
      warnings.push(`wasm backend failed to start (${(error as Error).message})`);
    }
  }

  await loaders.cpu();
  if (choice === 'auto') warnings.push('using the slow pure-JavaScript cpu backend');
  return { name: 'cpu', threads: 1, simd: false, warnings };
}
