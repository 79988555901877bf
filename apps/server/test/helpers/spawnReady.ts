import { spawn, type ChildProcess } from 'node:child_process';
import { findRepoRoot } from '@mu/engine';

export interface ReadyProcess {
  child: ChildProcess;
  /** The match of `ready` in the output. */
  match: RegExpExecArray;
  /** Everything the process printed so far. */
  output(): string;
  /** Resolves with the exit signal or code. */
  exited: Promise<string>;
}

export interface SpawnOptions {
  /** Names the process and its ready state in errors: `server exited (1) before listening`. */
  name: string;
  readyState: string;
  ready: RegExp;
  timeoutMs: number;
}

/**
 * Runs a TypeScript entry point of this repository (`node --import tsx <script> …args`) and
 * resolves once its output matches `ready`; rejects with the output when it exits first or
 * takes longer than `timeoutMs`.
 */
export async function spawnReady(script: string, args: string[], env: Record<string, string>, options: SpawnOptions): Promise<ReadyProcess> {
  const { name, readyState, ready, timeoutMs } = options;
  const root = findRepoRoot()!;
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<string>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? String(code))));
  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start in time:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = ready.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${how}) before ${readyState}:\n${output}`));
    });
  });
  return { child, match, output: () => output, exited };
}
