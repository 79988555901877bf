import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface RedisServer {
  url: string;
  port: number;
  /** Stops it (SIGTERM, then SIGKILL) and waits until it has exited. */
  stop(): Promise<void>;
}

/**
 * Whether Debian's `redis-server` can be run; suites that need it skip otherwise, except under
 * CI, where `scripts/setup.sh` installs it, so a missing binary must fail, not skip.
 */
export function hasRedis(): boolean {
  return Boolean(process.env.CI) || spawnSync('redis-server', ['--version']).status === 0;
}

/** A loopback port that nothing listens on (a moment ago). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * A throw-away redis-server on a free loopback port (or `port`, to restart one). It keeps nothing
 * on disk, unless `dir` is given: then it keeps an append-only file there, written at every
 * change, as a deployment should, and a restart on the same `dir` finds the queue as it was.
 */
export async function startRedis(options: { port?: number; dir?: string } = {}, timeoutMs = 30_000): Promise<RedisServer> {
  const chosen = options.port ?? (await freePort());
  const persistence = options.dir ? ['--dir', options.dir, '--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no'];
  const child: ChildProcess = spawn('redis-server', ['--port', String(chosen), '--bind', '127.0.0.1', '--save', '', ...persistence], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start in time:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('error', (error) => reject(error));
    void exited.then(() => reject(new Error(`redis-server exited before it was ready:\n${output}`)));
  });
  return {
    url: `redis://127.0.0.1:${chosen}`,
    port: chosen,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(force);
    },
  };
}
