import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type ServerConfig } from '../../src/plugins/config.js';
import { buildServer } from '../../src/server.js';
import { ApiClient } from './apiClient.js';
import { watchResponseSchemas } from './responseSchemas.js';

export interface TestServer extends ApiClient {
  server: FastifyInstance;
  dataDir: string;
  /** Status code of every response the server has sent, in order (from its onResponse hook). */
  statuses: number[];
  /** Responses that did not match their route's response schema (`close()` fails when any did). */
  schemaViolations: string[];
  close(): Promise<void>;
}

/**
 * The real server on a free loopback port with a fresh data folder and the fast evaluation
 * settings, every JSON response checked against its route's schema; `close()` shuts it down,
 * removes the folder, and fails if any response did not match.
 */
export async function startTestServer(overrides: Partial<ServerConfig> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mu-server-test-'));
  const config = { ...loadConfig({}), host: '127.0.0.1', port: 0, dataDir, evaluation: 'fast' as const, logLevel: 'warn' as const, ...overrides };
  const server = await buildServer(config);
  const statuses: number[] = [];
  server.addHook('onResponse', async (_request, reply) => {
    statuses.push(reply.statusCode);
  });
  const schemaViolations = watchResponseSchemas(server);
  await server.listen({ host: config.host, port: 0 });
  const { port } = server.server.address() as { port: number };
  const client = new ApiClient(`http://127.0.0.1:${port}`);
  return Object.assign(client, {
    server,
    dataDir,
    statuses,
    schemaViolations,
    close: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
      if (schemaViolations.length > 0) throw new Error(`responses not matching their schema:\n${[...new Set(schemaViolations)].join('\n')}`);
    },
  });
}
