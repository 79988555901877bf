import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import type { ResultConfig } from '@mu/schema';
import type { BackendInfo } from '../backend/selectBackend.js';
import { findRepoRoot } from '../data/repoRoot.js';
import type { InferenceRuntime } from './inferenceRuntime.js';

let commit: string | null | undefined;
let appVersion: string | null | undefined;

/**
 * Where a result was computed (results-schema.md §2.1 `config.environment`): backend, tfjs
 * version and threads from the backend, the runtime of the inference passes (onnxruntime or
 * tfjs), the CPU model as device (null on a GPU backend, whose device tfjs does not name), the
 * engine's package version and the git commit of the checkout (null outside a git checkout).
 *
 *   recordEnvironment(await initBackend(), await inferenceRuntime()) // {backend: 'wasm', inference: {runtime: 'onnxruntime', …}, …}
 */
export function recordEnvironment(
  backend: Pick<BackendInfo, 'name' | 'threads' | 'tfjsVersion'>,
  inference: Pick<InferenceRuntime, 'name' | 'version' | 'threads'>,
): ResultConfig['environment'] {
  return {
    backend: backend.name,
    inference: { runtime: inference.name, version: inference.version, threads: inference.threads },
    tfjsVersion: backend.tfjsVersion,
    device: backend.name === 'tensorflow-gpu' ? null : (os.cpus()[0]?.model.trim() || null),
    threads: backend.threads,
    appVersion: engineVersion(),
    commit: gitCommit(),
  };
}

/** `git rev-parse HEAD` of the repository, once per process; null when git or the checkout is missing. */
export function gitCommit(): string | null {
  if (commit === undefined) {
    try {
      const cwd = findRepoRoot() ?? process.cwd();
      const out = execFileSync('git', ['rev-parse', 'HEAD'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).trim();
      commit = /^[0-9a-f]{7,64}$/.test(out) ? out : null;
    } catch {
      commit = null;
    }
  }
  return commit;
}

function engineVersion(): string | null {
  if (appVersion === undefined) {
    try {
      const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
      appVersion = typeof pkg.version === 'string' ? pkg.version : null;
    } catch {
      appVersion = null;
    }
  }
  return appVersion;
}
