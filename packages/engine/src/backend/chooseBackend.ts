import { COMPUTE_BACKENDS, type BackendCandidate, type ComputeBackend, type GpuAdapter } from '@mu/schema';

export const BACKEND_CHOICES = ['auto', ...COMPUTE_BACKENDS] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];
export type BackendName = ComputeBackend;

/** A native backend that could not be used: not installed at all, or installed but failing to load. */
export type NativeLoad = { ok: true } | { ok: false; installed: boolean; reason: string };

/** What a WebGPU adapter request found: an adapter (software: a CPU emulation such as SwiftShader), or why none. */
export type AdapterProbe = { found: true; adapter: GpuAdapter; software: boolean } | { found: false; reason: string };

/** How each backend is started; `initBackend` passes the real ones, tests pass mocks. */
export interface BackendLoaders {
  native(name: 'tensorflow-gpu' | 'tensorflow'): Promise<NativeLoad>;
  /** Looks for a WebGPU adapter without starting the backend. */
  webgpuAdapter(): Promise<AdapterProbe>;
  /** Starts the webgpu backend on the adapter found; throws when it does not start. */
  webgpu(): Promise<void>;
  /** Starts wasm; resolves with its real thread count and whether SIMD is on, or throws. */
  wasm(threads: number): Promise<{ threads: number; simd: boolean }>;
  cpu(): Promise<void>;
}

export interface ChosenBackend {
  name: BackendName;
  /** Threads the backend really uses; null where it does not tell (tfjs-node, webgpu). */
  threads: number | null;
  /** Whether SIMD is used; null where the backend does not tell (tfjs-node, webgpu). */
  simd: boolean | null;
  /** The GPU it runs on (webgpu); null on a CPU backend and on tfjs-node, which does not name it. */
  adapter: GpuAdapter | null;
  /** Every candidate in order: chosen, skipped with the reason, or not tried. */
  candidates: BackendCandidate[];
  /** Why a faster backend was not used, when one that is there failed. */
  warnings: string[];
}

type Started = Pick<ChosenBackend, 'threads' | 'simd' | 'adapter'>;
/** A candidate's attempt: what it started, or why it was skipped (`warn`: worth a warning, not just a line). */
type Attempt = { started: Started } | { skipped: string; warn?: boolean };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0];

/** A reason as shown by `/api/health` and `mu info`: file paths cut to their last part (they name this machine's folders). */
const withoutPaths = (reason: string) => reason.replace(/(?:[A-Za-z]:)?(?:[\\/][^\s'"()\\/]+)+[\\/]([^\s'"()\\/]+)/g, '$1');

/**
 * Starts the first backend that works, in order: tensorflow-gpu, tensorflow (tfjs-node, when
 * installed), webgpu (a hardware adapter only; a software one such as SwiftShader only when
 * asked for by name), wasm, then cpu with a warning. A named choice tries only that backend and
 * throws when it does not start. Every candidate's outcome is kept; an installed native backend
 * that fails to load, and a wasm that fails, are also warnings.
 */
export async function chooseBackend(choice: BackendChoice, threads: number, loaders: BackendLoaders): Promise<ChosenBackend> {
  const attempts: Record<Exclude<BackendName, 'cpu'>, (named: boolean) => Promise<Attempt>> = {
    'tensorflow-gpu': () => tryNative('tensorflow-gpu', loaders),
    tensorflow: () => tryNative('tensorflow', loaders),
    webgpu: (named) => tryWebgpu(named, loaders),
    wasm: async () => {
      try {
        return { started: { ...(await loaders.wasm(threads)), adapter: null } };
      } catch (error) {
        return { skipped: `failed to start (${message(error)})`, warn: true };
      }
    },
  };

  const candidates: BackendCandidate[] = [];
  const warnings: string[] = [];
  const finish = (name: BackendName, started: Started): ChosenBackend => {
    candidates.push({ name, outcome: 'chosen', reason: null });
    for (const rest of COMPUTE_BACKENDS.slice(COMPUTE_BACKENDS.indexOf(name) + 1)) {
      candidates.push({ name: rest, outcome: 'not tried', reason: `${name} was chosen first` });
    }
    return { name, ...started, candidates, warnings };
  };
  for (const name of ['tensorflow-gpu', 'tensorflow', 'webgpu', 'wasm'] as const) {
    if (choice !== 'auto' && choice !== name) {
      candidates.push({ name, outcome: 'skipped', reason: `not requested (backend ${choice} was asked for)` });
      continue;
    }
    const attempt = await attempts[name](choice === name);
    if ('started' in attempt) return finish(name, attempt.started);
    if (choice === name) throw new Error(`backend ${name} is not available: ${attempt.skipped}`);
    candidates.push({ name, outcome: 'skipped', reason: withoutPaths(attempt.skipped) });
    if (attempt.warn) warnings.push(`${name} backend skipped: ${attempt.skipped}`);
  }
  await loaders.cpu();
  if (choice === 'auto') warnings.push('using the slow pure-JavaScript cpu backend');
  return finish('cpu', { threads: 1, simd: false, adapter: null });
}

async function tryNative(name: 'tensorflow-gpu' | 'tensorflow', loaders: BackendLoaders): Promise<Attempt> {
  const loaded = await loaders.native(name);
  if (loaded.ok) return { started: { threads: null, simd: null, adapter: null } };
  return { skipped: loaded.reason, warn: loaded.installed };
}

async function tryWebgpu(named: boolean, loaders: BackendLoaders): Promise<Attempt> {
  const probe = await loaders.webgpuAdapter();
  if (!probe.found) return { skipped: probe.reason };
  if (probe.software && !named) {
    return { skipped: `only a software adapter (${probe.adapter.name ?? 'unnamed'}); MU_BACKEND=webgpu uses it` };
  }
  try {
    await loaders.webgpu();
  } catch (error) {
    return { skipped: `failed to start on ${probe.adapter.name ?? 'its adapter'} (${message(error)})`, warn: true };
  }
  return { started: { threads: null, simd: null, adapter: probe.adapter } };
}
