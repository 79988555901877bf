import type { BackendReport, GpuAdapter } from '@mu/schema';
import { nativeConvolutionsInUse } from './kernels/nativeConv.js';
import type { BackendInfo } from './selectBackend.js';

/**
 * What a checkpoint records about the backend that trained it (`adapter` absent in older
 * checkpoints; `nativeConvolutions`, e.g. `oneDNN 2.6.3`, only when wasm ran its convolutions natively).
 */
export interface BackendProvenance {
  backend: string;
  threads: number | null;
  tfjsVersion: string;
  adapter?: GpuAdapter | null;
  nativeConvolutions?: string;
}

/** The provenance a checkpoint stores: backend, threads, tfjs version, GPU adapter (null on a CPU backend), native convolutions. */
export function backendProvenance(backend: Pick<BackendInfo, 'name' | 'threads' | 'tfjsVersion' | 'adapter'>): BackendProvenance {
  const provenance = { backend: backend.name, threads: backend.threads, tfjsVersion: backend.tfjsVersion, adapter: backend.adapter };
  const native = backend.name === 'wasm' ? nativeConvolutionsInUse() : null;
  return native == null ? provenance : { ...provenance, nativeConvolutions: native };
}

/** The backend as `/api/health` reports it: name, threads, adapter and every candidate's outcome. */
export function backendReport(backend: Pick<BackendInfo, 'name' | 'threads' | 'adapter' | 'candidates'>): BackendReport {
  return { name: backend.name, threads: backend.threads, adapter: backend.adapter, candidates: backend.candidates };
}
