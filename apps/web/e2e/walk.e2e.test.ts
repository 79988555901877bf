import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEngineRecords, ENGINE_SCOPE, importFixtures, ROOT, startServer } from './serverHarness.js';

const OUT = path.join(ROOT, 'test-output', 'e2e');
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let page: Page;
let engine: Promise<{ gaId: string }>;

const getJson = async <T,>(p: string): Promise<T> => (await fetch(`${server.url}${p}`)).json() as Promise<T>;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  server = await startServer(undefined, { MU_EVALUATION: 'fast' });
  await importFixtures(server.url);
  // The engine trains while the fixture walk runs; its describe block waits for it.
  engine = buildEngineRecords(server.url);
  engine.catch(() => undefined);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  page.on('dialog', () => {
    throw new Error('a blocking dialog appeared');
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('walk through the reference fixtures (cifar10, resnet18, class 0)', () => {
  it('Screen: shows the imported rows with the API’s values', async () => {
    const t0 = Date.now();
    await page.goto(`${server.url}/?stage=screen&d=cifar10&a=resnet18&fc=0`);
    await page.waitForSelector('[data-testid=model-table] tbody tr[data-id]');
    const firstLoadMs = Date.now() - t0;
    console.log(`first load to table: ${firstLoadMs} ms`);
    const api = (await (await fetch(`${server.url}/api/results?dataset=cifar10&architecture=resnet18&forgetClass=0`)).json()) as { id: string; metrics: { UA: number | null } }[];
    const ids = await page.$$eval('[data-testid=model-table] tbody tr[data-id]', (rows) => rows.map((r) => r.getAttribute('data-id')));
    expect(ids.sort()).toEqual(api.map((r) => r.id).sort());
    const ua = await page.$eval('tr[data-id="ref0-dd2c"] td[data-metric=UA]', (td) => td.textContent);
    expect(ua).toBe(api.find((r) => r.id === 'ref0-dd2c')!.metrics.UA!.toFixed(3));
    // Defaults: A = Original, B = Retrained.
    expect(await page.isChecked('input[aria-label="Model A: ref0-0000"]')).toBe(true);
    expect(await page.isChecked('input[aria-label="Model B: ref0-a000"]')).toBe(true);
    await page.screenshot({ path: path.join(OUT, '2-screen.png'), fullPage: true });
  });

  it('Contrast: draws 2 × 2,000 points, the CKA axis, and changes with B', async () => {
    await page.click('nav[aria-label=Stages] >> text=Contrast');
    await page.waitForSelector('svg.scatter');
    const counts = await page.$$eval('svg.scatter', (svgs) => svgs.map((s) => s.querySelectorAll('.marks > *').length));
    expect(counts).toEqual([2000, 2000]);
    expect(await page.textContent('[data-chart=cka]')).toContain('CKA Value');
    expect(await page.textContent('[data-chart=class-accuracy]')).toContain('airplane (✖)');
    // TODO: linked hover does not register under playwright's synthetic pointer moves yet (see report).
    await page.screenshot({ path: path.join(OUT, '3-contrast.png'), fullPage: true });
    // Switch B to an unlearned model: the charts follow.
    await page.click('nav[aria-label=Stages] >> text=Screen');
    await page.check('input[aria-label="Model B: ref0-dd2c"]');
    await page.click('nav[aria-label=Stages] >> text=Contrast');
    await page.waitForSelector('.contrast-grid[data-b="ref0-dd2c"]');
    expect(new URL(page.url()).searchParams.get('B')).toBe('ref0-dd2c');
  });

  it('Attack: shows both panels vs Retrained and reacts to the worst case', async () => {
    await page.click('nav[aria-label=Stages] >> text=Screen');
    await page.check('input[aria-label="Model B: ref0-a000"]');
    await page.click('nav[aria-label=Stages] >> text=Attack');
    await page.waitForSelector('[data-panel=A] circle.dot');
    expect(await page.$$eval('[data-panel=A] circle.dot', (d) => d.length)).toBe(400);
    expect(await page.textContent('section[aria-label=Attack]')).toContain('This is the Retrained model');
    await page.click('text=Model A / Worst Case');
    const ps = await page.textContent('[data-testid=privacy-A]');
    const rec = (await (await fetch(`${server.url}/api/results/ref0-0000`)).json()) as { attack: { subset: { privacyScore: number } } };
    expect(Number(/= ([\d.]+)/.exec(ps!)![1])).toBeCloseTo(rec.attack.subset.privacyScore, 2);
    await page.screenshot({ path: path.join(OUT, '4-attack.png'), fullPage: true });
  });

  it('reload restores the view from the URL', async () => {
    await page.reload();
    await page.waitForSelector('[data-panel=A] circle.dot');
    expect(new URL(page.url()).searchParams.get('stage')).toBe('attack');
  });
});

describe('walk through engine records (cifar10-mini, small-cnn, class 0)', () => {
  type Rec = { id: string; role: string; metrics: { UA: number | null }; embedding: { pred: number[] }; attack: { subset: { count: number } } };
  let gaId: string;
  let ids: { original: string; retrained: string };

  it('Screen: lists the Original, the Retrained model and the GA run with the API’s values', async () => {
    ({ gaId } = await engine);
    const q = `dataset=${ENGINE_SCOPE.dataset}&architecture=${ENGINE_SCOPE.architecture}&forgetClass=0`;
    const api = await getJson<{ id: string; role: string; metrics: { UA: number | null; RA: number | null } }[]>(`/api/results?${q}`);
    expect(api.map((r) => r.role).sort()).toEqual(['original', 'retrained', 'unlearned']);
    ids = { original: api.find((r) => r.role === 'original')!.id, retrained: api.find((r) => r.role === 'retrained')!.id };
    await page.goto(`${server.url}/?stage=screen&d=${ENGINE_SCOPE.dataset}&a=${ENGINE_SCOPE.architecture}&fc=0`);
    await page.waitForSelector(`[data-testid=model-table] tbody tr[data-id="${gaId}"]`);
    const shown = await page.$$eval('[data-testid=model-table] tbody tr[data-id]', (rows) => rows.map((r) => r.getAttribute('data-id')));
    expect(shown.sort()).toEqual(api.map((r) => r.id).sort());
    const ga = api.find((r) => r.id === gaId)!;
    expect(await page.textContent(`tr[data-id="${gaId}"] td[data-metric=RA]`)).toBe(ga.metrics.RA!.toFixed(3));
    expect(await page.isChecked(`input[aria-label="Model A: ${ids.original}"]`)).toBe(true);
    expect(await page.isChecked(`input[aria-label="Model B: ${ids.retrained}"]`)).toBe(true);
    await page.check(`input[aria-label="Model B: ${gaId}"]`);
    await page.screenshot({ path: path.join(OUT, '5-engine-screen.png'), fullPage: true });
  });

  it('Contrast: draws every embedding point of both engine records', async () => {
    const [a, b] = await Promise.all([getJson<Rec>(`/api/results/${ids.original}`), getJson<Rec>(`/api/results/${gaId}`)]);
    await page.click('nav[aria-label=Stages] >> text=Contrast');
    await page.waitForSelector(`.contrast-grid[data-b="${gaId}"] svg.scatter`);
    const counts = await page.$$eval('svg.scatter', (svgs) => svgs.map((s) => s.querySelectorAll('.marks > *').length));
    expect(counts).toEqual([a.embedding.pred.length, b.embedding.pred.length]);
    expect(counts[0]).toBeGreaterThan(0);
    expect(await page.textContent('[data-chart=cka]')).toContain('CKA Value');
    expect(await page.textContent('[data-chart=class-accuracy]')).toContain('airplane (✖)');
    await page.screenshot({ path: path.join(OUT, '6-engine-contrast.png'), fullPage: true });
  });

  it('Attack: one dot per subset image of the model and of the Retrained model', async () => {
    const [a, r] = await Promise.all([getJson<Rec>(`/api/results/${ids.original}`), getJson<Rec>(`/api/results/${ids.retrained}`)]);
    await page.click('nav[aria-label=Stages] >> text=Attack');
    await page.waitForSelector('[data-panel=B] circle.dot');
    expect(await page.$$eval('[data-panel=A] circle.dot', (d) => d.length)).toBe(a.attack.subset.count + r.attack.subset.count);
    await page.click('text=Model A / Worst Case');
    const ps = await page.textContent('[data-testid=privacy-A]');
    const rec = await getJson<{ attack: { subset: { privacyScore: number } } }>(`/api/results/${ids.original}`);
    expect(Number(/= ([\d.]+)/.exec(ps!)![1])).toBeCloseTo(rec.attack.subset.privacyScore, 2);
    await page.screenshot({ path: path.join(OUT, '7-engine-attack.png'), fullPage: true });
  });
});

describe('Build: start and cancel a job on cifar10-mini', () => {
  it('queues a Retrained model, shows it live, survives a reload and cancels', async () => {
    await page.goto(`${server.url}/?stage=build&d=cifar10-mini&a=small-cnn&fc=1`);
    await page.waitForSelector('button:has-text("Train Retrained for automobile"):not([disabled])');
    await page.click('button:has-text("Train Retrained for automobile")');
    await page.waitForSelector('[data-testid=job-queue] li[data-status=running], [data-testid=job-queue] li[data-status=queued]');
    await page.reload();
    const li = await page.waitForSelector('[data-testid=job-queue] li[data-status=running], [data-testid=job-queue] li[data-status=queued]', { timeout: 2000 });
    await page.screenshot({ path: path.join(OUT, '1-build.png'), fullPage: true });
    await (await li.$('button:has-text("Cancel")'))!.click();
    await page.waitForSelector('[data-testid=job-queue] li[data-status=cancelled]', { timeout: 60_000 });
  });
});
