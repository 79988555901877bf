import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/plugins/config.js';
import { buildServer } from '../src/server.js';
import { ApiClient } from './helpers/apiClient.js';

// The error handler of last resort, job errors as clients read them, and the security headers.
describe('errors and headers', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mu-errors-test-'));
  const webDist = mkdtempSync(path.join(os.tmpdir(), 'mu-errors-web-'));
  let server: FastifyInstance;
  let api: ApiClient;

  beforeAll(async () => {
    mkdirSync(path.join(webDist, 'assets'));
    writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>mu</title>');
    server = await buildServer({ ...loadConfig({}), host: '127.0.0.1', port: 0, dataDir, webDist, evaluation: 'fast', logLevel: 'silent' });
    // Routes with bugs, added the way every route is: they take the app's error handler.
    server.get('/api/test/throws', async () => {
      throw new Error(`cannot open ${path.join(dataDir, 'mu.sqlite')}\n    at secret (/srv/mu/src/x.ts:1:1)`);
    });
    server.get('/api/test/rejects', () => Promise.reject(Object.assign(new TypeError("Cannot read properties of undefined (reading 'id')"), { statusCode: 502 })));
    await server.listen({ host: '127.0.0.1', port: 0 });
    api = new ApiClient(`http://127.0.0.1:${(server.server.address() as { port: number }).port}`);
  });

  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(webDist, { recursive: true, force: true });
  });

  it('answers an unexpected throw with a generic 500: no message, stack or path; the server stays up', async () => {
    for (const route of ['/api/test/throws', '/api/test/rejects']) {
      const res = await api.get(route);
      expect(res.status).toBe(500);
      expect(res.body).toEqual({ statusCode: 500, error: 'Internal Server Error', message: 'internal server error (the server log has the details)' });
    }
    expect((await api.get('/api/health')).body.status).toBe('ok');
  });

  it('records job errors without file-system paths, so GET /api/jobs/:id never shows one', async () => {
    const spec = { kind: 'original', dataset: 'cifar10-mini', architecture: 'small-cnn' } as const;
    server.store.jobs.insert({ id: 'abad0001', spec });
    server.store.jobs.finish('abad0001', 'failed', `ENOENT: no such file or directory, open '${path.join(dataDir, 'checkpoints', 'c0ffee00.weights.bin')}'`);
    server.store.jobs.insert({ id: 'abad0002', spec });
    server.store.jobs.markRunning('abad0002');
    server.store.jobs.interruptRunning(`worker lost while writing ${path.join(dataDir, 'staging', 'abad0002')}`);
    const failed = await api.get('/api/jobs/abad0001');
    expect(failed.body.error).toBe("ENOENT: no such file or directory, open 'c0ffee00.weights.bin'");
    expect((await api.get('/api/jobs/abad0002')).body.error).toBe('worker lost while writing abad0002');
    expect((await api.get('/api/jobs')).text).not.toContain(dataDir);
  });

  it('sends nosniff, no framing and a same-origin Content-Security-Policy on pages, API answers and errors', async () => {
    for (const route of ['/', '/api/health', '/api/nothing', '/docs']) {
      const { headers } = await api.get(route);
      expect(headers.get('x-content-type-options'), route).toBe('nosniff');
      expect(headers.get('x-frame-options'), route).toBe('DENY');
      const csp = headers.get('content-security-policy') ?? '';
      expect(csp, route).toContain("frame-ancestors 'none'");
      expect(csp, route).toContain("script-src 'self'");
      expect(csp, route).toContain("default-src 'self'");
      expect(csp, route).not.toContain('upgrade-insecure-requests');
    }
  });
});
