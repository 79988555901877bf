import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { checkpointPaths, readCheckpointMeta } from '@mu/engine';
import type { ResultRecord } from '@mu/schema';
import type { JobOutputs } from '../store/store.js';

export interface Welcome {
  queueUrl: string;
  evaluation: 'full' | 'fast';
}

/** How long a call keeps trying a server that does not answer (a server restart mid-sweep). */
const UNREACHABLE_RETRY_MS = 120_000;

/**
 * A remote worker's calls to the server's /api/workers routes, with its token. Every failure is
 * an Error whose message is the server's one line (or why the server could not be reached). A
 * server that cannot be reached is tried again for a while, so that a job in hand survives a
 * server restart; a refusal is final.
 */
export class ServerClient {
  constructor(private readonly origin: string, private readonly token: string, private readonly retryMs = UNREACHABLE_RETRY_MS) {}

  /** Joins: the server checks the worker's dataset checksums and says where the queue is. */
  hello(name: string, datasets: Record<string, string>): Promise<Welcome> {
    return this.json('POST', '/api/workers/hello', { name, datasets }) as Promise<Welcome>;
  }

  /**
   * Makes checkpoint `id` present in `dir`: kept when its weights checksum matches the server's,
   * downloaded otherwise (weights first, then the metadata, each renamed into place).
   */
  async fetchCheckpoint(dir: string, id: string): Promise<void> {
    const metaText = await (await this.request('GET', `/api/workers/checkpoints/${id}`)).text();
    const wanted = (JSON.parse(metaText) as { weightsSha256?: string }).weightsSha256;
    const paths = checkpointPaths(dir, id);
    if (wanted && existsSync(paths.meta) && existsSync(paths.weights)) {
      const local = await readCheckpointMeta(paths.meta).catch(() => null);
      if (local?.weightsSha256 === wanted) return;
    }
    const weights = Buffer.from(await (await this.request('GET', `/api/workers/checkpoints/${id}/weights`)).arrayBuffer());
    await writeFile(`${paths.weights}.part`, weights);
    await rename(`${paths.weights}.part`, paths.weights);
    await writeFile(`${paths.meta}.part`, metaText);
    await rename(`${paths.meta}.part`, paths.meta);
  }

  /** Sends a job's outputs from its staging folder; false when the job already had its outputs. */
  async sendOutputs(jobId: string, stagingDir: string, outputs: JobOutputs): Promise<boolean> {
    const form = new FormData();
    form.append('records', new Blob([JSON.stringify(outputs.records satisfies ResultRecord[])], { type: 'application/json' }), 'records.json');
    for (const id of outputs.checkpointIds) {
      const paths = checkpointPaths(stagingDir, id);
      form.append('weights', new Blob([await readFile(paths.weights)]), `${id}.weights.bin`);
      form.append('meta', new Blob([await readFile(paths.meta)], { type: 'application/json' }), `${id}.json`);
    }
    const response = await this.request('POST', `/api/workers/jobs/${jobId}/outputs`, form);
    return ((await response.json()) as { stored: boolean }).stored;
  }

  private async json(method: string, path: string, body: unknown): Promise<unknown> {
    const response = await this.request(method, path, JSON.stringify(body), { 'content-type': 'application/json' });
    return response.json();
  }

  private async request(method: string, path: string, body?: BodyInit, headers: Record<string, string> = {}): Promise<Response> {
    let response: Response;
    const giveUp = Date.now() + this.retryMs;
    for (;;) {
      try {
        response = await fetch(new URL(path, this.origin), { method, body, headers: { ...headers, authorization: `Bearer ${this.token}` } });
        break;
      } catch (error) {
        if (Date.now() < giveUp) {
          await new Promise((resolve) => setTimeout(resolve, 1_000));
          continue;
        }
        throw new Error(`cannot reach the server at ${this.origin} (${((error as Error).cause as Error | undefined)?.message ?? (error as Error).message})`);
      }
    }
    if (response.ok) return response;
    const message = await response.json().then((b: { message?: string }) => b.message, () => undefined);
    throw new Error(`the server refused ${method} ${path.split('/').slice(0, 4).join('/')}: ${message ?? `HTTP ${response.status}`}`);
  }
}
