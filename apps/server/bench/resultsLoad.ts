/**
 * Load check of the results list while a training job runs: starts the server as `pnpm start`
 * does (a child process, fresh data folder, loopback), imports copies of a reference result file
 * until ≥ 50 results are stored, starts an Original training job, then runs autocannon against
 * GET /api/results (50 connections, 10 s by default) and prints requests/s, latency percentiles
 * and errors. Writes bench-output/server.json.
 *
 *   pnpm bench:server [--connections 50] [--duration 10] [--results 60] [--view headline|summary]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { findRepoRoot } from '@mu/engine';
import { fixture } from '../test/helpers/fixtures.js';
import { spawnServer } from '../test/helpers/serverProcess.js';

const { values } = parseArgs({
  strict: false,
  options: {
    connections: { type: 'string', default: '50' },
    duration: { type: 'string', default: '10' },
    results: { type: 'string', default: '60' },
    view: { type: 'string', default: 'headline' },
  },
});
const connections = Number(values.connections);
const duration = Number(values.duration);
const count = Number(values.results);

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mu-bench-server-'));
const server = await spawnServer({ MU_DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
try {
  // ≥ 50 stored results: copies of an older-schema reference file under new legacy ids.
  const text = fixture('f48d.json');
  for (let i = 0; i < count; i += 10) {
    const files = Array.from({ length: Math.min(10, count - i) }, (_, k) => {
      const id = `b${(i + k).toString(16).padStart(3, '0')}`;
      return { field: 'files', name: `${id}.json`, content: text.replace('"id": "f48d"', `"id": "${id}"`) };
    });
    const res = await server.upload('/api/imports/results', files);
    if (res.status !== 201) throw new Error(`import failed: ${res.status} ${res.text}`);
  }
  const stored = (await server.get('/api/results')).body.length;

  // A training job that runs through the whole load.
  const job = (await server.post('/api/jobs', { kind: 'original', dataset: 'cifar10-mini', architecture: 'small-cnn', epochs: 20 })).body;
  let imagesPerSecond = 0;
  await server.events(`/api/jobs/${job.id}/events`, { until: (e) => e.event === 'progress' && e.data.stage === 'training' && e.data.batch >= 2 });
  const url = `${server.url}/api/results${values.view === 'summary' ? '?view=summary' : ''}`;
  const sample = await server.get(url.slice(server.url.length));
  console.error(`server ${server.url}, ${stored} results stored, list response ${(sample.text.length / 1024).toFixed(0)} kB; training job ${job.id} running`);
  console.error(`autocannon: ${connections} connections, ${duration} s, GET ${url}`);

  const result = await autocannon({ url, connections, duration });
  const during = (await server.get(`/api/jobs/${job.id}`)).body;
  imagesPerSecond = during.progress?.imagesPerSecond ?? 0;
  const summary = {
    date: new Date().toISOString(),
    url: url.replace(server.url, ''),
    storedResults: stored,
    responseBytes: sample.text.length,
    connections,
    durationSeconds: duration,
    requests: { total: result.requests.total, perSecondMean: result.requests.average, perSecondMin: result.requests.min },
    latencyMs: { mean: result.latency.average, p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    trainingJob: { status: during.status, stage: during.progress?.stage ?? null, imagesPerSecond },
  };
  console.log(
    `GET ${summary.url}: ${summary.requests.perSecondMean.toFixed(0)} requests/s (mean), latency p50 ${summary.latencyMs.p50} ms, ` +
      `p99 ${summary.latencyMs.p99} ms, max ${summary.latencyMs.max} ms; errors ${summary.errors}, timeouts ${summary.timeouts}, non-2xx ${summary.non2xx}; ` +
      `${summary.requests.total} requests; training job ${summary.trainingJob.status} at ${imagesPerSecond.toFixed(0)} images/s`,
  );
  const out = path.join(findRepoRoot()!, 'bench-output');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'server.json'), `${JSON.stringify(summary, null, 2)}\n`);
  await server.post(`/api/jobs/${job.id}/cancel`);
  if (summary.errors > 0 || summary.non2xx > 0 || summary.timeouts > 0) process.exitCode = 1;
} finally {
  server.child.kill('SIGTERM');
  await server.exited;
  rmSync(dataDir, { recursive: true, force: true });
}
