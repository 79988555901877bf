import path from 'node:path';
import { findRepoRoot } from '@mu/engine';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, loadConfig } from '../../src/plugins/config.js';

describe('loadConfig', () => {
  it('defaults to loopback, the documented port and .data at the repository root', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ host: '127.0.0.1', port: DEFAULT_PORT, authToken: null, concurrency: 1, evaluation: 'full' });
    expect(DEFAULT_PORT).toBe(8642);
    expect(config.dataDir).toBe(path.join(findRepoRoot()!, '.data'));
  });

  it('reads HOST, PORT, MU_DATA_DIR and the rest from the environment', () => {
    expect(loadConfig({ HOST: '0.0.0.0', PORT: '9000', MU_DATA_DIR: '/tmp/mu', MU_JOB_CONCURRENCY: '2', MU_EVALUATION: 'fast' })).toMatchObject({
      host: '0.0.0.0', port: 9000, dataDir: '/tmp/mu', concurrency: 2, evaluation: 'fast',
    });
  });

  it('stops with one line naming the variable and its value', () => {
    expect(() => loadConfig({ PORT: 'http' })).toThrow('invalid PORT: http (expected a whole number)');
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/^invalid PORT: 70000 \(/);
    expect(() => loadConfig({ MU_EVALUATION: 'quick' })).toThrow(/^invalid MU_EVALUATION: "quick"/);
    expect(() => loadConfig({ MU_AUTH_TOKEN: 'short' })).toThrow('invalid MU_AUTH_TOKEN: (hidden) (expected at least 16 characters)');
    expect(() => loadConfig({ MU_JOB_CONCURRENCY: '0' })).toThrow(/^invalid MU_JOB_CONCURRENCY: 0/);
    expect(() => loadConfig({ MU_QUEUE_URL: 'http://user:secret@example.org:6379' })).toThrow(
      'invalid MU_QUEUE_URL: (hidden) (expected redis://host:port or rediss://host:port)',
    );
  });

  it('uses the embedded queue unless MU_QUEUE_URL names a Redis, which needs a worker token', () => {
    expect(loadConfig({}).queueUrl).toBeNull();
    expect(loadConfig({ MU_QUEUE_URL: 'redis://127.0.0.1:6379', MU_WORKER_TOKEN: 'w'.repeat(16) })).toMatchObject({ queueUrl: 'redis://127.0.0.1:6379', workerToken: 'w'.repeat(16) });
    expect(() => loadConfig({ MU_QUEUE_URL: 'redis://127.0.0.1:6379' })).toThrow('MU_QUEUE_URL needs MU_WORKER_TOKEN (at least 16 characters), the token remote workers present');
    expect(() => loadConfig({ MU_QUEUE_URL: 'redis://127.0.0.1:6379', MU_WORKER_TOKEN: 'short' })).toThrow('invalid MU_WORKER_TOKEN: (hidden) (expected at least 16 characters)');
  });
});

describe('MU_ALLOWED_HOSTS', () => {
  it('is a comma-separated list of host names, with or without a port', () => {
    expect(loadConfig({}).allowedHosts).toEqual([]);
    expect(loadConfig({ MU_ALLOWED_HOSTS: 'mu.example.org, proxy.lan:8080,' }).allowedHosts).toEqual(['mu.example.org', 'proxy.lan:8080']);
  });

  it('refuses an entry that is a URL or a path, naming the variable', () => {
    expect(() => loadConfig({ MU_ALLOWED_HOSTS: 'https://mu.example.org' })).toThrow(/^invalid MU_ALLOWED_HOSTS: "https:\/\/mu\.example\.org"/);
  });
});
