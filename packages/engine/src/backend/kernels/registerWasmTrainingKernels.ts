import { getKernel, registerKernel, unregisterKernel } from '@tensorflow/tfjs-core';
import type { KernelConfig } from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { batchMatMulConfig } from './BatchMatMul.js';
import { batchNormTrainingConfig } from './BatchNormTraining.js';
import { batchNormTrainingGradConfig } from './BatchNormTrainingGrad.js';
import { conv2DConfig } from './Conv2D.js';
import { conv2DBackpropFilterConfig } from './Conv2DBackpropFilter.js';
import { conv2DBackpropInputConfig } from './Conv2DBackpropInput.js';
import { fusedConv2DConfig } from './FusedConv2D.js';
import { maxPoolGradConfig } from './MaxPoolGrad.js';
import { meanConfig } from './Mean.js';
import { sgdUpdateConfig } from './SgdUpdate.js';
import { sumConfig } from './Sum.js';
import { tileConfig } from './Tile.js';
import { rememberStockKernel, setupStockKernel } from './wasmKernels.js';

/** Our kernels for backend `wasm`, as the wasm backend lists its own in register_all_kernels.ts. */
const kernelConfigs: KernelConfig[] = [
  conv2DConfig,
  fusedConv2DConfig,
  conv2DBackpropInputConfig,
  conv2DBackpropFilterConfig,
  tileConfig,
  sumConfig,
  meanConfig,
  batchMatMulConfig,
  maxPoolGradConfig,
  batchNormTrainingConfig,
  batchNormTrainingGradConfig,
  sgdUpdateConfig,
];

/**
 * Registers the training kernels for backend `wasm`, replacing the stock ones (kept for fall-through
 * and set up with the backend). Call once before or after `tf.setBackend('wasm')`; calling it again
 * is a no-op. Works the same on the single-threaded and the threaded-SIMD build.
 *
 *   await tf.setBackend('wasm');
 *   registerWasmTrainingKernels();
 */
export function registerWasmTrainingKernels(): void {
  for (const config of kernelConfigs) {
    const current = getKernel(config.kernelName, 'wasm');
    if (current?.kernelFunc === config.kernelFunc) continue;
    if (current != null) {
      rememberStockKernel(current);
      unregisterKernel(config.kernelName, 'wasm');
    }
    registerKernel({
      ...config,
      // The stock kernel binds its C++ entry point here; our fall-through still needs it.
      setupFunc: (backend) => setupStockKernel(config.kernelName, backend as BackendWasm),
    });
  }
}
