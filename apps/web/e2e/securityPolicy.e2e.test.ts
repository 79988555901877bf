import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFixtures, openBrowser, startServer } from './serverHarness.js';

// The server's Content-Security-Policy must block nothing the app (or the /docs page) does:
// every stage is opened, a chart exported as PNG (data: images, inlined styles), and the
// browser's violation reports and console are watched throughout.
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

declare global {
  interface Window {
    violations: string[];
  }
}

beforeAll(async () => {
  server = await startServer();
  await importFixtures(server.url);
  ({ browser, page } = await openBrowser({ acceptDownloads: true }));
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`));
  });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const policyErrors = () => consoleErrors.filter((t) => /Content Security Policy|Refused to/i.test(t));

/** Polls until the page has no pending work we can see: the condition holds or the time is up. */
async function waitFor(condition: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await page.waitForTimeout(200);
  }
}

describe('Content-Security-Policy', () => {
  it('is sent with the app, which then loads every stage without a violation', async () => {
    const response = await page.goto(`${server.url}/?stage=screen&d=cifar10&a=resnet18&fc=0`);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    await page.waitForSelector('[data-testid=model-table] tbody tr[data-id]');
    for (const [tab, ready] of [
      ['Build', 'section[aria-label=Build] .panel'],
      ['Contrast', 'section[aria-label=Contrast] svg.scatter'],
      ['Attack', 'section[aria-label=Attack] svg.chart'],
    ] as const) {
      await page.locator('nav[aria-label=Stages] [role=tab]', { hasText: tab }).click();
      await page.waitForSelector(ready);
    }
    // The Attack grids draw their thumbnails from sprite sheets set as CSS background images.
    await waitFor(async () => (await page.locator('section[aria-label=Attack] [style*="background-image"]').count()) > 0);
    expect(await page.evaluate(() => window.violations)).toEqual([]);
    expect(policyErrors()).toEqual([]);
  });

  it('lets a chart be exported as PNG (an SVG copy with inlined styles drawn through a data: image)', async () => {
    const button = page.locator('section[aria-label=Attack] button[aria-label$="as PNG"]').first();
    const download = page.waitForEvent('download');
    await button.click();
    expect((await download).suggestedFilename()).toMatch(/\.png$/);
    expect(await page.evaluate(() => window.violations)).toEqual([]);
    expect(policyErrors()).toEqual([]);
  });

  it('blocks nothing on the API documentation page', async () => {
    await page.goto(`${server.url}/docs`);
    await page.waitForSelector('.swagger-ui .opblock');
    expect(await page.evaluate(() => window.violations)).toEqual([]);
    expect(policyErrors()).toEqual([]);
  });
});
