import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The oneDNN convolution addon (`packages/engine/native/`, built by `scripts/build-native.sh`),
 * which the wasm backend's convolution and batch norm training kernels call on the wasm heap in place. It sets
 * OMP_WAIT_POLICY=passive unless set (see mu_native.cc).
 *
 * Geometry: [N, H, W, Ci, Co, kh, kw, strideH, strideW, padTop, padBottom, padLeft, padRight, Ho, Wo];
 * activations NHWC, filters tfjs's [kh, kw, Ci, Co]. Batch norm takes channels from γ's length.
 * Each call checks every view's length.
 */
export interface NativeConvolutions {
  forward(x: Float32Array, filter: Float32Array, bias: Float32Array | null, y: Float32Array, geometry: number[], relu: boolean): void;
  backwardData(dy: Float32Array, filter: Float32Array, dx: Float32Array, geometry: number[]): void;
  backwardWeights(x: Float32Array, dy: Float32Array, dW: Float32Array, geometry: number[]): void;
  batchNormForward(x: Float32Array, gamma: Float32Array, beta: Float32Array, y: Float32Array, mean: Float32Array, variance: Float32Array, epsilon: number): void;
  batchNormBackward(
    dy: Float32Array,
    x: Float32Array,
    mean: Float32Array,
    variance: Float32Array,
    gamma: Float32Array,
    dx: Float32Array,
    dGamma: Float32Array,
    dBeta: Float32Array,
    epsilon: number,
  ): void;
  setThreads(threads: number): void;
  threads(): number;
  version(): string;
}

export type NativeConvolutionStatus = { addon: NativeConvolutions; version: string } | { addon: null; reason: string };

const NATIVE_ADDON_PATH = fileURLToPath(new URL('../../native/build/mu_native.node', import.meta.url));

let status: NativeConvolutionStatus | null = null;

/**
 * Loads the addon once; `addon` is null, with the reason in one line, when `MU_NATIVE=0`, when it
 * was not built (no g++ or libdnnl-dev) or when it does not load on this machine.
 *
 *   const native = nativeConvolutions();
 *   console.log(native.addon ? native.version : `native convolutions off: ${native.reason}`);
 */
export function nativeConvolutions(): NativeConvolutionStatus {
  status ??= load();
  return status;
}

function load(): NativeConvolutionStatus {
  if (process.env.MU_NATIVE === '0') return { addon: null, reason: 'disabled by MU_NATIVE=0' };
  if (!existsSync(NATIVE_ADDON_PATH)) return { addon: null, reason: 'addon not built (bash scripts/build-native.sh needs g++ and libdnnl-dev)' };
  try {
    const addon = createRequire(import.meta.url)(NATIVE_ADDON_PATH) as NativeConvolutions;
    return { addon, version: addon.version() };
  } catch (error) {
    return { addon: null, reason: `addon failed to load: ${(error as Error).message.split('\n')[0]}` };
  }
}

/** One line for `mu info`: whether the wasm backend's convolutions run natively, or why not. */
export function describeNativeConvolutions(): string {
  const native = nativeConvolutions();
  return native.addon ? `native (${native.version}, as many threads as the backend)` : `wasm (native off: ${native.reason})`;
}
