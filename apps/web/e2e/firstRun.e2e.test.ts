import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recipeFor } from '@mu/schema';
import { openBrowser, OUT, startServer } from './serverHarness.js';

/** What a fresh install opens on a CPU: the quick recipe's dataset and architecture. */
const QUICK = recipeFor('quick', 'cifar10-mini');
const ENGINE_SCOPE = { dataset: 'cifar10-mini', architecture: QUICK.architecture };

// A new user on a fresh data folder: the quick recipe preselected, the epochs trap closed, Quick
// start, and the Overview comparing Original and Retrained as soon as both exist (1 epoch each
// and the fast evaluation preset keep it short).
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let page: Page;
let started = 0;

type Job = { id: string; kind: string; status: string; spec: { method?: string } };
type Row = { id: string; role: string; metrics: Record<string, number | null> };
const getJson = async <T,>(p: string): Promise<T> => (await fetch(`${server.url}${p}`)).json() as Promise<T>;
const epochs = () => page.locator('input[aria-label="Epochs for the reference models"]');
const button = (name: string) => page.locator('section[aria-label=Build] button', { hasText: name });

beforeAll(async () => {
  started = Date.now();
  server = await startServer(undefined, { MU_EVALUATION: 'fast' });
  ({ browser, page } = await openBrowser({ viewport: { width: 1440, height: 900 } }));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('first run (fresh data folder)', () => {
  it('opens on the quick recipe of the backend, with the backend known before any job', async () => {
    await page.goto(server.url);
    await page.waitForSelector('[data-testid=baselines]');
    // A fresh install opens on Build, where the first models are made.
    expect(new URL(page.url()).searchParams.get('stage')).toBe('build');
    expect(await page.inputValue('select[aria-label=Dataset]')).toBe(ENGINE_SCOPE.dataset);
    expect(await page.inputValue('select[aria-label=Architecture]')).toBe(ENGINE_SCOPE.architecture);
    expect(await page.inputValue('select[aria-label="Training recipe of the reference models"]')).toBe('quick');
    expect(await page.textContent('[data-testid=baselines]')).toContain(`missing: no Original of ${QUICK.architecture} on cifar10-mini yet`);
    await page.locator('[data-testid=job-queue] >> xpath=..').locator('text=No jobs yet.').waitFor();
    await expect.poll(() => page.textContent('[data-testid=backend]')).toMatch(/^backend: \w+ · /);
    expect(await getJson<Job[]>('/api/jobs')).toEqual([]);
  });

  it('epochs: clearing keeps the field empty and disables the buttons; 2005 asks for confirmation', async () => {
    await epochs().fill('');
    expect(await epochs().inputValue()).toBe('');
    expect(await page.textContent('#reference-epochs-err')).toContain('Enter the number of epochs');
    expect(await button('Train Original').isDisabled()).toBe(true);
    expect(await button('Quick start').isDisabled()).toBe(true);
    await epochs().pressSequentially('2005');
    expect(await epochs().inputValue()).toBe('2005');
    await button('Train Original').click();
    expect(await page.textContent('[data-testid=confirm-long]')).toContain('2005 epochs is more than the recipe');
    expect(await getJson<Job[]>('/api/jobs')).toEqual([]);
  });

  it('Quick start queues Original, Retrained and the five methods, then the Overview compares Original and Retrained', async () => {
    await epochs().fill('1');
    expect(await page.textContent('[data-testid=quick-start-eta]')).toContain('7 jobs');
    await button('Quick start').click();
    await page.waitForSelector('section[aria-label=Overview]:not([hidden])');
    const jobs = await getJson<Job[]>('/api/jobs');
    expect(jobs.map((j) => (j.kind === 'unlearn' ? j.spec.method : j.kind)).sort()).toEqual(['ft', 'ga', 'original', 'retrained', 'rl', 'salun', 'scrub']);
    // Until both references exist, the Overview says what it waits for.
    expect(await page.textContent('section[aria-label=Overview]')).toMatch(/No models yet|Only one model/);

    // A reload while the jobs run never claims there are none, even while the job list is slow to come.
    const slowList = (url: URL) => url.pathname === '/api/jobs';
    await page.route(slowList, async (route) => {
      await new Promise((r) => setTimeout(r, 4000));
      await route.continue();
    });
    await page.goto(`${server.url}/?stage=build&d=${ENGINE_SCOPE.dataset}&a=${ENGINE_SCOPE.architecture}&fc=0`);
    const said = new Set<string>();
    for (let i = 0; i < 30; i++) {
      for (const t of await page.locator('section[aria-label=Build] .empty-inline').allTextContents()) said.add(t);
      await page.waitForTimeout(100);
    }
    expect(said.has('No jobs yet.')).toBe(false);
    await page.waitForSelector('[data-testid=job-queue] li');
    await page.unroute(slowList);
    await page.click('nav[aria-label=Stages] >> text=Overview');

    await page.waitForSelector('[data-testid=overview] svg.scatter >> nth=1', { timeout: 540_000 });
    const firstScreenMs = Date.now() - started;
    const api = await getJson<Row[]>(`/api/results?dataset=${ENGINE_SCOPE.dataset}&architecture=${ENGINE_SCOPE.architecture}&forgetClass=0`);
    const original = api.find((r) => r.role === 'original')!;
    const retrained = api.find((r) => r.role === 'retrained')!;
    expect(await page.getAttribute('[data-testid=overview]', 'data-a')).toBe(original.id);
    expect(await page.getAttribute('[data-testid=overview]', 'data-b')).toBe(retrained.id);
    expect(await page.textContent('.overview-metrics tr[data-side=A] td[data-metric=RA]')).toBe(original.metrics.RA!.toFixed(3));
    console.log(`first meaningful screen (server start → Original vs Retrained on the Overview, 1 epoch each, fast evaluation): ${(firstScreenMs / 1000).toFixed(1)} s`);
    await page.screenshot({ path: path.join(OUT, 'first-run-overview.png') });
  });

  it('a class opened after the run says the Original exists and what it still needs', async () => {
    await page.goto(`${server.url}/?stage=screen&d=${ENGINE_SCOPE.dataset}&a=${ENGINE_SCOPE.architecture}&fc=1`);
    const note = page.locator('section[aria-label=Screen] [role=note]');
    await note.waitFor();
    expect(await note.textContent()).toContain('The Original exists but has no record for automobile yet');
  });

  it('the Model Builder disables BUILD while a field shows an error', async () => {
    await page.click('nav[aria-label=Stages] >> text=Build');
    await button('Open Model Builder').click();
    const build = page.locator('[role=dialog][aria-label="Model Builder"] button', { hasText: 'BUILD' });
    await page.fill('#param-epochs', '-5');
    await page.waitForSelector('#param-epochs[aria-invalid=true]');
    expect(await build.isDisabled()).toBe(true);
    await page.fill('#param-epochs', '');
    await expect.poll(() => build.isDisabled()).toBe(false);
  });
});
