import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { upstreamFixturesDir } from '../../../test-support/sharedData.js';

export const ROOT = path.resolve(import.meta.dirname, '../../..');

/** Where the browser tests save their screenshots. */
export const OUT = path.join(ROOT, 'test-output', 'e2e');

/**
 * Debian's Chromium, headless (never a downloaded browser), with one 1440 × 1000 page on which any
 * blocking dialog fails the test (the app must never use alert/confirm).
 */
export async function openBrowser(pageOptions: BrowserContextOptions = {}): Promise<{ browser: Browser; page: Page }> {
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, ...pageOptions });
  // Waits end as soon as the page is ready; the limit only has to hold on a loaded 2-core machine
  // (Playwright's default of 30 s does not while the server trains beside the browser).
  page.setDefaultTimeout(120_000);
  page.on('dialog', () => {
    throw new Error('a blocking dialog appeared');
  });
  return { browser, page };
}

/** A free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** Starts the real server (serving apps/web/dist) on a free port with a fresh data folder. */
export async function startServer(dataDir = mkdtempSync(path.join(tmpdir(), 'mu-e2e-')), env: Record<string, string> = {}): Promise<{ url: string; stop(): Promise<void>; proc: ChildProcess }> {
  const port = await freePort();
  const proc = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', MU_DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url,
    proc,
    stop: () => new Promise((resolve) => {
      proc.once('exit', () => resolve());
      proc.kill('SIGTERM');
    }),
  };
}

/** The reference-system result files of forget class 0, from the shared folder. */
export const FIXTURES = upstreamFixturesDir(0);

/** Imports the reference fixtures of class 0 through the API. */
export async function importFixtures(url: string): Promise<void> {
  const form = new FormData();
  for (const f of ['0000.json', 'a000.json', 'f48d.json', 'dd2c.json', '3736.json']) form.append('files', new Blob([readFileSync(path.join(FIXTURES, f))]), f);
  const r = await fetch(`${url}/api/imports/results`, { method: 'POST', body: form });
  if (!r.ok) throw new Error(`import failed: ${r.status} ${await r.text()}`);
}

/** Imports `count` more copies of the three unlearned fixtures under new ids (e001, e002, …). */
export async function importCopies(url: string, count: number): Promise<void> {
  const form = new FormData();
  const sources = ['f48d.json', 'dd2c.json', '3736.json'].map((f) => JSON.parse(readFileSync(path.join(FIXTURES, f), 'utf8')) as { id: string });
  for (let i = 1; i <= count; i++) {
    const id = `e${i.toString(16).padStart(3, '0')}`;
    form.append('files', new Blob([JSON.stringify({ ...sources[i % 3], id })]), `${id}.json`);
  }
  const r = await fetch(`${url}/api/imports/results`, { method: 'POST', body: form });
  if (!r.ok) throw new Error(`import failed: ${r.status} ${await r.text()}`);
}

export const ENGINE_SCOPE = { dataset: 'cifar10-mini', architecture: 'small-cnn' } as const;

async function postJob(url: string, body: unknown): Promise<string> {
  const r = await fetch(`${url}/api/jobs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!r.ok) throw new Error(`job failed to queue: ${r.status} ${await r.text()}`);
  return ((await r.json()) as { id: string }).id;
}

export async function finished(url: string, id: string): Promise<{ resultIds: string[]; checkpointIds: string[] }> {
  for (;;) {
    const j = (await (await fetch(`${url}/api/jobs/${id}`)).json()) as { status: string; error: string | null; resultIds: string[]; checkpointIds: string[] };
    if (j.status === 'succeeded') return j;
    if (j.status !== 'queued' && j.status !== 'running') throw new Error(`job ${id} ${j.status}: ${j.error}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * Has the engine build an Original and a class-0 Retrained model (1 epoch each) on cifar10-mini
 * with small-cnn, then run GA for one epoch; resolves with the GA result id (~90 s on 2 cores).
 */
export async function buildEngineRecords(url: string): Promise<{ gaId: string }> {
  const original = await postJob(url, { kind: 'original', ...ENGINE_SCOPE, epochs: 1 });
  const retrained = await postJob(url, { kind: 'retrained', ...ENGINE_SCOPE, epochs: 1, forgetClass: 0 });
  const ga = await postJob(url, { kind: 'unlearn', ...ENGINE_SCOPE, method: 'ga', forgetClass: 0, params: { epochs: 1 }, label: 'e2e-ga' });
  await finished(url, original);
  await finished(url, retrained);
  const done = await finished(url, ga);
  return { gaId: done.resultIds[0] };
}
