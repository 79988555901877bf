import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFixtures, openBrowser, OUT, startServer } from './serverHarness.js';

// The A-vs-B Overview, the empty states, one id per model and the small things of issue 11 on the
// reference fixtures (cifar10, resnet18, class 0): Original ref0-0000, Retrained ref0-a000, and
// three unlearned records without attack data.
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let page: Page;
const scope = 'd=cifar10&a=resnet18&fc=0';

type Row = { id: string; modelId: string; role: string; baseModelId: string | null; metrics: Record<string, number | null> };
const rows = async (): Promise<Row[]> => (await fetch(`${server.url}/api/results?dataset=cifar10&architecture=resnet18&forgetClass=0`)).json() as Promise<Row[]>;

beforeAll(async () => {
  server = await startServer();
  await importFixtures(server.url);
  ({ browser, page } = await openBrowser({ viewport: { width: 1440, height: 900 } }));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('Overview of A vs B (fixtures)', () => {
  it('shows headline metrics, attack summary, class-wise accuracy and both embeddings within 1440 × 900', async () => {
    await page.goto(`${server.url}/?stage=overview&${scope}`);
    const overview = page.locator('[data-testid=overview][data-a="ref0-0000"][data-b="ref0-a000"]');
    await overview.waitFor();
    await page.waitForSelector('section[aria-label=Overview] svg.scatter >> nth=1');
    const api = await rows();
    for (const [side, id] of [['A', 'ref0-0000'], ['B', 'ref0-a000']] as const) {
      const r = api.find((x) => x.id === id)!;
      expect(await page.textContent(`.overview-metrics tr[data-side=${side}] td[data-metric=TRA]`)).toBe(r.metrics.TRA!.toFixed(3));
      // One id, in full, in every caption.
      expect(await page.textContent(`.overview-metrics tr[data-side=${side}]`)).toContain(id);
    }
    expect(await page.textContent('[data-testid=overview-ps-A]')).toContain(`Privacy Score ${api.find((x) => x.id === 'ref0-0000')!.metrics.PS!.toFixed(3)}`);
    expect(await page.textContent('[data-chart=overview-accuracy]')).toContain('airplane (✖)');
    expect(await page.$$eval('section[aria-label=Overview] svg.scatter', (s) => s.map((x) => x.querySelectorAll('.marks > *').length))).toEqual([2000, 2000]);
    // Fits the screen: nothing to scroll, every panel inside the viewport.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(900);
    const bottoms = await page.$$eval('.overview-grid .chart-frame', (fs) => fs.map((f) => f.getBoundingClientRect().bottom));
    expect(bottoms.length).toBe(4);
    for (const b of bottoms) expect(b).toBeLessThanOrEqual(900);
    await page.screenshot({ path: path.join(OUT, 'overview-1440x900.png') });
  });

  it('links each panel to its stage', async () => {
    await page.click('[data-chart=overview-attack] >> text=Open in Attack →');
    await page.waitForSelector('section[aria-label=Attack]:not([hidden]) [data-panel=A] circle.dot');
    expect(new URL(page.url()).searchParams.get('stage')).toBe('attack');
    await page.click('nav[aria-label=Stages] >> text=Overview');
    await page.click('[data-chart=overview-embeddings] >> text=Open in Contrast →');
    await page.waitForSelector('section[aria-label=Contrast]:not([hidden]) svg.scatter');
  });

  it('keeps the header one height at every width from 1280 up', async () => {
    await page.goto(`${server.url}/?stage=overview&${scope}`);
    await page.waitForSelector('[data-testid=overview]');
    const heights: number[] = [];
    for (const width of [1280, 1440, 1920]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForFunction(() => document.getAnimations().length === 0);
      heights.push(await page.$eval('header.header', (h) => h.getBoundingClientRect().height));
      // Nothing in the header row is cut off at the right edge.
      expect(await page.$eval('.header-row', (r) => r.scrollWidth <= r.clientWidth)).toBe(true);
      expect(await page.$eval('.header-row .title', (t) => t.scrollWidth <= t.clientWidth)).toBe(true);
      await page.screenshot({ path: path.join(OUT, `overview-header-${width}.png`), clip: { x: 0, y: 0, width, height: 100 } });
    }
    expect(new Set(heights).size).toBe(1);
    await page.setViewportSize({ width: 1440, height: 900 });
  });
});

describe('empty states, ids and small things (fixtures)', () => {
  it('Screen: the Base column shows an id the table has; a missing privacy score says why', async () => {
    await page.goto(`${server.url}/?stage=screen&${scope}`);
    await page.waitForSelector('[data-testid=model-table] tbody tr[data-id="ref0-dd2c"]');
    const shown = await page.$$eval('[data-testid=model-table] tbody tr[data-id]', (trs) => trs.map((t) => t.getAttribute('data-id')));
    const api = await rows();
    const withBase = api.filter((r) => r.baseModelId !== null);
    expect(withBase.length).toBeGreaterThan(0);
    for (const r of withBase) {
      const base = (await page.textContent(`tr[data-id="${r.id}"] td:nth-child(3)`))!.trim();
      if (api.some((x) => x.modelId === r.baseModelId)) expect(shown).toContain(base);
    }
    expect(await page.textContent('tr[data-id="ref0-0000"] .id-cell')).toContain('ref0-0000');
    const ps = page.locator('tr[data-id="ref0-dd2c"] td[data-metric=PS]');
    expect(await ps.textContent()).toBe('–');
    expect(await ps.getAttribute('title')).toContain('Retrained model of this class');
  });

  it('Attack: a model imported without attack data says so, not "No Retrained model"', async () => {
    await page.check('input[aria-label="Model B: ref0-dd2c"]');
    await page.click('nav[aria-label=Stages] >> text=Attack');
    const note = page.locator('section[aria-label=Attack] [role=note]', { hasText: 'ref0-dd2c has no attack data' });
    await note.waitFor();
    expect(await note.textContent()).toContain('imported from a results file without it');
    expect(await page.textContent('section[aria-label=Attack]')).not.toContain('No Retrained model');
  });

  it('an unknown id in the URL is replaced and a toast says so', async () => {
    await page.goto(`${server.url}/?stage=contrast&${scope}&A=ref0-ffff`);
    await page.locator('.toast', { hasText: 'No model ref0-ffff in this class' }).waitFor();
    await page.waitForSelector('.contrast-grid[data-a="ref0-0000"]');
  });

  it('a class without models says what is missing and leads to Build; "+" icons are SVG', async () => {
    expect(await page.locator('button[aria-label="Add a forget class"] svg.icon').count()).toBe(1);
    await page.goto(`${server.url}/?stage=contrast&d=cifar10&a=resnet18&fc=4`);
    // The note can render before the dataset's class names arrive ("for 4"): wait for the named one.
    const note = page.locator('section[aria-label=Contrast] [role=note]', { hasText: 'No models yet: train the Original and the Retrained model for deer' });
    await note.waitFor();
    await note.locator('button', { hasText: 'Go to Build' }).click();
    await page.waitForSelector('section[aria-label=Build]:not([hidden]) [data-testid=baselines]');
    expect(await page.textContent('[data-testid=baselines]')).toContain('missing: no Original of resnet18 on cifar10 yet');
    expect(await page.locator('section[aria-label=Build] button', { hasText: 'Open Model Builder' }).locator('svg.icon').count()).toBe(1);
  });
});
