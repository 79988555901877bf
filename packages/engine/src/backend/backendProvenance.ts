import type { BackendReport, GpuAdapter } from '@mu/schema';
import type { BackendInfo } from './selectBackend.js';

/** What a checkpoint records about the backend that trained it (`adapter` absent in older checkpoints). */
export interface BackendProvenance {
  backend: string;
  threads: number | null;
  tfjsVersion: string;
  adapter?: GpuAdapter | null;
}

/** The provenance a checkpoint stores: backend, threads, tfjs version and GPU adapter (null on a CPU backend). */
export function backendProvenance(backend: Pick<BackendInfo, 'name' | 'threads' | 'tfjsVersion' | 'adapter'>): BackendProvenance {
  return { backend: backend.name, threads: backend.threads, tfjsVersion: backend.tfjsVersion, adapter: backend.adapter };
}

/** The backend as `/api/health` reports it: name, threads, adapter and every candidate's outcome. */
export function backendReport(backend: Pick<BackendInfo, 'name' | 'threads' | 'adapter' | 'candidates'>): BackendReport {
  return { name: backend.name, threads: backend.threads, adapter: backend.adapter, candidates: backend.candidates };
}
