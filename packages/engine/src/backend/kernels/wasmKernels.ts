import { getKernel } from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, NamedAttrMap, NamedTensorInfoMap, TensorInfo } from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/**
 * The wasm backend's own kernels, called from inside ours.
 *
 * `stock` keeps the configs we replaced (Sum, Mean, Tile, BatchMatMul, …) so that a replacement can
 * fall through to the original for cases it does not speed up, and so the originals' `setupFunc`
 * still runs when the backend is (re)initialised.
 */
const stock = new Map<string, KernelConfig>();

export function rememberStockKernel(config: KernelConfig): void {
  stock.set(config.kernelName, config);
}

/** Runs the stock kernel we replaced; throws if there was none. */
export function runStockKernel(
  kernelName: string,
  backend: BackendWasm,
  inputs: NamedTensorInfoMap,
  attrs: NamedAttrMap = {},
): TensorInfo {
  const config = stock.get(kernelName);
  if (config == null) throw new Error(`no stock wasm kernel saved for ${kernelName}`);
  return call(config.kernelFunc, backend, inputs, attrs);
}

/** Calls the stock kernel's setup (cwrap of its C++ entry point) for a freshly initialised backend. */
export function setupStockKernel(kernelName: string, backend: BackendWasm): void {
  stock.get(kernelName)?.setupFunc?.(backend);
}

/** Runs whatever kernel is registered for `wasm` under `kernelName` (Conv2D, Transpose, …). */
export function runWasmKernel(
  kernelName: string,
  backend: BackendWasm,
  inputs: NamedTensorInfoMap,
  attrs: NamedAttrMap = {},
): TensorInfo {
  const config = getKernel(kernelName, 'wasm');
  if (config == null) throw new Error(`wasm kernel not registered: ${kernelName}`);
  return call(config.kernelFunc, backend, inputs, attrs);
}

function call(kernelFunc: KernelFunc, backend: BackendWasm, inputs: NamedTensorInfoMap, attrs: NamedAttrMap): TensorInfo {
  const out = kernelFunc({ inputs, attrs, backend });
  if (Array.isArray(out)) throw new Error('expected a single output from a wasm kernel');
  return out;
}
