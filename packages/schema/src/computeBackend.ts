import { type Static, Type } from '@sinclair/typebox';
import { Nullable } from './common.js';

/** The tfjs backends the engine can start, in the order `auto` tries them. */
export const COMPUTE_BACKENDS = ['tensorflow-gpu', 'tensorflow', 'webgpu', 'wasm', 'cpu'] as const;
export type ComputeBackend = (typeof COMPUTE_BACKENDS)[number];

/**
 * The GPU a backend runs on, as its driver names it (WebGPU's adapter info; null where the
 * backend does not tell, as tfjs-node does not).
 */
export const GpuAdapter = Type.Object(
  {
    vendor: Nullable(Type.String()),
    name: Nullable(Type.String()),
    driver: Nullable(Type.String()),
  },
  { additionalProperties: false },
);
export type GpuAdapter = Static<typeof GpuAdapter>;

/** What became of one backend candidate: chosen, skipped (with why), or not tried (one before it was chosen). */
export const BackendCandidate = Type.Object(
  {
    name: Type.Union(COMPUTE_BACKENDS.map((b) => Type.Literal(b))),
    outcome: Type.Union([Type.Literal('chosen'), Type.Literal('skipped'), Type.Literal('not tried')]),
    reason: Nullable(Type.String()),
  },
  { additionalProperties: false },
);
export type BackendCandidate = Static<typeof BackendCandidate>;

/** The backend a process started, its device and every candidate's outcome (`mu info`, `/api/health`). */
export const BackendReport = Type.Object(
  {
    name: Type.Union(COMPUTE_BACKENDS.map((b) => Type.Literal(b))),
    threads: Nullable(Type.Integer({ minimum: 1 })),
    adapter: Nullable(GpuAdapter),
    candidates: Type.Array(BackendCandidate),
  },
  { additionalProperties: false },
);
export type BackendReport = Static<typeof BackendReport>;
