/**
 * The PyTorch side of bench:vs-pytorch as a child process answering one JSON line per request
 * (see vs_pytorch.py), so that both sides can be timed alternately within one run.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface PytorchRequest {
  width: number;
  mode: 'train' | 'infer';
  batch: number;
  steps: number;
  channels: number;
}

export type Pytorch =
  | { ok: true; version: string; threads: number; measure(request: PytorchRequest): Promise<number>; close(): void }
  | { ok: false; reason: string; close(): void };

/** Starts `script` under `$MU_PYTHON` (default /usr/bin/python3); never throws. */
export async function startPytorch(script: string, threads: number): Promise<Pytorch> {
  const python = process.env.MU_PYTHON || '/usr/bin/python3';
  const child = spawn(python, [script, String(threads)], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
  const spawnError = new Promise<string>((resolve) => child.on('error', (e) => resolve(e.message)));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async (): Promise<string | null> => {
    const line = await Promise.race([lines.next(), spawnError.then(() => ({ done: true, value: undefined }))]);
    return line.done ? null : (line.value ?? null);
  };
  const close = () => void child.kill();
  const hello = await next();
  if (hello === null) {
    close();
    const lastLine = stderr.trim().split('\n').pop();
    return { ok: false, reason: `${python}: ${lastLine || (await Promise.race([spawnError, Promise.resolve('exited')]))}`, close };
  }
  const { torch, threads: used } = JSON.parse(hello) as { torch: string; threads: number };
  return {
    ok: true,
    version: torch,
    threads: used,
    async measure(request) {
      child.stdin.write(`${JSON.stringify(request)}\n`);
      const answer = await next();
      if (answer === null) throw new Error(`PyTorch process ended: ${stderr.trim().split('\n').pop() ?? ''}`);
      return (JSON.parse(answer) as { imgPerS: number }).imgPerS;
    },
    close,
  };
}
