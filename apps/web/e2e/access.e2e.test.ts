import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFixtures, openBrowser, OUT, startServer } from './serverHarness.js';

const STAGES = ['Build', 'Screen', 'Contrast', 'Attack'] as const;
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  await importFixtures(server.url);
  ({ browser, page } = await openBrowser());
  await page.goto(`${server.url}/?stage=screen&d=cifar10&a=resnet18&fc=0`);
  await page.waitForSelector('[data-testid=model-table] tbody tr[data-id]');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const stageTab = (name: string) => page.locator('nav[aria-label=Stages] [role=tab]', { hasText: name });
const focused = () => page.evaluate(() => ({ text: document.activeElement?.textContent?.trim() ?? '', role: document.activeElement?.getAttribute('role') ?? '', inStages: !!document.activeElement?.closest('nav[aria-label=Stages]') }));
const selectedStage = () => page.$eval('nav[aria-label=Stages] [role=tab][aria-selected=true]', (t) => t.textContent!.trim());
const visibleStage = () => page.$$eval('main section[role=tabpanel]', (ss) => ss.filter((s) => !(s as HTMLElement).hidden).map((s) => s.getAttribute('aria-label')));

/** Opens a stage with the mouse and waits for its main content. */
async function openStage(name: (typeof STAGES)[number]): Promise<void> {
  await stageTab(name).click();
  const ready = { Build: 'section[aria-label=Build] form, section[aria-label=Build] .panel', Screen: '[data-testid=model-table] tbody tr[data-id]', Contrast: 'section[aria-label=Contrast] svg.scatter', Attack: 'section[aria-label=Attack] svg.chart' }[name];
  await page.waitForSelector(ready);
  // Settled: no CSS transition or animation still running.
  await page.waitForFunction(() => document.getAnimations().length === 0);
}

describe('keyboard access, labels, text size, motion and colours (fixtures: cifar10, resnet18, class 0)', () => {
  it('Tab reaches the stage tabs, and arrows, Home and End switch stages', async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    let f = await focused();
    for (let i = 0; i < 20 && !f.inStages; i++) {
      await page.keyboard.press('Tab');
      f = await focused();
    }
    // The one Tab stop of the stage tabs is the current stage.
    expect(f).toEqual({ text: '2. Screen', role: 'tab', inStages: true });
    expect(await page.$$eval('nav[aria-label=Stages] [role=tab]', (ts) => ts.map((t) => t.getAttribute('tabindex')))).toEqual(['-1', '0', '-1', '-1']);
    const ring = await page.evaluate(() => {
      const cs = getComputedStyle(document.activeElement!);
      return { style: cs.outlineStyle, width: cs.outlineWidth, colour: cs.outlineColor, shadow: cs.boxShadow };
    });
    expect(ring).toMatchObject({ style: 'solid', width: '2px', colour: 'rgb(29, 78, 216)' });
    expect(ring.shadow).toContain('rgb(255, 255, 255)');

    await page.keyboard.press('ArrowRight');
    expect((await focused()).text).toBe('3. Contrast');
    expect(await selectedStage()).toBe('3. Contrast');
    expect(await visibleStage()).toEqual(['Contrast']);
    expect(new URL(page.url()).searchParams.get('stage')).toBe('contrast');
    await page.keyboard.press('ArrowDown');
    expect(await visibleStage()).toEqual(['Attack']);
    await page.keyboard.press('ArrowRight'); // wraps
    expect(await selectedStage()).toBe('1. Build');
    await page.keyboard.press('End');
    expect(await visibleStage()).toEqual(['Attack']);
    await page.keyboard.press('Home');
    expect(await visibleStage()).toEqual(['Build']);
    await page.keyboard.press('ArrowLeft');
    expect((await focused()).text).toBe('4. Attack');
    await page.keyboard.press('ArrowUp');
    expect(await selectedStage()).toBe('3. Contrast');
    expect(await page.$$eval('nav[aria-label=Stages] [role=tab]', (ts) => ts.map((t) => t.getAttribute('tabindex')))).toEqual(['-1', '-1', '0', '-1']);
  });

  it('a segmented control (Contrast: prediction-matrix Train/Test) follows the arrow keys', async () => {
    await openStage('Contrast');
    const group = page.locator('[role=radiogroup][aria-label="Prediction matrix split"]');
    const state = () => group.locator('[role=radio]').evaluateAll((rs) => rs.map((r) => `${r.textContent}:${r.getAttribute('aria-checked')}:${r.getAttribute('tabindex')}`));
    expect(await state()).toEqual(['Train:true:0', 'Test:false:-1']);
    const matrix = () => page.$eval('section[aria-label=Contrast] svg.chart[aria-label^="Prediction matrix"]', (s) => s.innerHTML);
    const before = await matrix();
    await group.locator('[role=radio][aria-checked=true]').focus();
    await page.keyboard.press('ArrowRight');
    expect(await state()).toEqual(['Train:false:-1', 'Test:true:0']);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Test');
    expect(new URL(page.url()).searchParams.get('splits')).toBe('rer');
    // The matrix now shows the test split's predictions.
    expect(await matrix()).not.toBe(before);
    await page.keyboard.press('Home');
    expect(await state()).toEqual(['Train:true:0', 'Test:false:-1']);
    // Tab leaves the group from its checked option instead of visiting the unchecked one.
    await page.keyboard.press('Tab');
    expect(await page.evaluate((g) => document.activeElement?.closest('[role=radiogroup]')?.getAttribute('aria-label') === g, 'Prediction matrix split')).toBe(false);
  });

  it('the Attack threshold strategies (rendered by another component) get the same arrow keys', async () => {
    await openStage('Attack');
    const group = page.locator('[role=radiogroup][aria-label="Threshold strategy"]');
    const checked = () => group.locator('[role=radio][aria-checked=true]').textContent();
    const labels = await group.locator('[role=radio]').allTextContents();
    expect(labels.length).toBeGreaterThan(1);
    const first = await checked();
    await group.locator('[role=radio][aria-checked=true]').focus();
    await page.keyboard.press('ArrowRight');
    expect(await checked()).toBe(labels[(labels.indexOf(first!) + 1) % labels.length]);
    expect(await group.locator('[role=radio]').evaluateAll((rs) => rs.map((r) => r.getAttribute('tabindex')).filter((t) => t === '0').length)).toBe(1);
    await page.keyboard.press('ArrowLeft');
    expect(await checked()).toBe(first);
  });

  for (const name of STAGES) {
    it(`${name}: every visible chart is a labelled image and no visible text is below 11 px`, async () => {
      await openStage(name);
      const charts = await page.$$eval('svg.chart', (svgs) =>
        svgs.filter((s) => s.getClientRects().length > 0).map((s) => ({ role: s.getAttribute('role'), focusable: s.getAttribute('tabindex') === '0', label: s.getAttribute('aria-label') ?? '' })),
      );
      // Contrast: class-wise accuracy, 2 prediction matrices, CKA, 2 scatters. Attack (A = Original,
      // B = Retrained): model A's panel only, since B is the reference itself.
      expect(charts.length).toBeGreaterThanOrEqual({ Build: 0, Screen: 0, Contrast: 6, Attack: 1 }[name]);
      for (const c of charts) {
        // Static charts are images; keyboard-operated ones (the scatters) are applications.
        expect(c.role).toBe(c.focusable ? 'application' : 'img');
        expect(c.label.length).toBeGreaterThan(5);
      }
      const smallest = await page.evaluate(() => {
        let min = { size: Infinity, at: '' };
        let count = 0;
        for (const el of document.querySelectorAll('body *')) {
          const hasText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
          if (!hasText || el.getClientRects().length === 0) continue;
          const cs = getComputedStyle(el);
          if (cs.visibility === 'hidden') continue;
          count++;
          const size = parseFloat(cs.fontSize);
          if (size < min.size) min = { size, at: `${el.tagName}.${el.getAttribute('class') ?? ''}: ${el.textContent!.trim().slice(0, 30)}` };
        }
        return { ...min, count };
      });
      console.log(`${name}: ${charts.length} charts, ${smallest.count} text elements, smallest ${smallest.size} px (${smallest.at})`);
      expect(smallest.count).toBeGreaterThan(10);
      expect(smallest.size, smallest.at).toBeGreaterThanOrEqual(11);
    });
  }

  it('prefers-reduced-motion: reduce turns every transition and animation off', async () => {
    const motion = () =>
      page.evaluate(() => {
        const seconds = (v: string) => Math.max(...v.split(',').map((x) => parseFloat(x) * (x.trim().endsWith('ms') ? 0.001 : 1)));
        let transitions = 0;
        let animations = 0;
        for (const el of document.querySelectorAll('*')) {
          const cs = getComputedStyle(el);
          if (seconds(cs.transitionDuration) > 0) transitions++;
          if (cs.animationName !== 'none' && seconds(cs.animationDuration) > 0) animations++;
        }
        return { transitions, animations, tab: getComputedStyle(document.querySelector('nav[aria-label=Stages] [role=tab]')!).transitionDuration };
      });
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    const normal = await motion();
    expect(normal.transitions).toBeGreaterThan(3);
    expect(normal.tab).toBe('0.15s, 0.15s, 0.15s');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(true);
    const reduced = await motion();
    expect(reduced).toEqual({ transitions: 0, animations: 0, tab: '0s' });
    await page.emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('the CVD toggle switches Model A to blue #0072B2 (and B to vermillion #D55E00)', async () => {
    await openStage('Contrast');
    const colours = () =>
      page.evaluate(() => {
        const app = document.querySelector<HTMLElement>('.app')!;
        const badges = [...document.querySelectorAll<HTMLElement>('section[aria-label=Contrast] .model-name .ab-badge')];
        const badge = (w: string) => badges.find((b) => b.textContent === w);
        return { A: app.style.getPropertyValue('--model-a'), B: app.style.getPropertyValue('--model-b'), badgeA: badge('A') && getComputedStyle(badge('A')!).backgroundColor, badgeB: badge('B') && getComputedStyle(badge('B')!).backgroundColor };
      });
    expect(await colours()).toEqual({ A: '#10B981', B: '#A855F7', badgeA: 'rgb(16, 185, 129)', badgeB: 'rgb(168, 85, 247)' });
    const toggle = page.getByLabel('CVD-safe colours');
    await toggle.focus();
    await page.keyboard.press('Space');
    expect(await toggle.isChecked()).toBe(true);
    expect(await colours()).toEqual({ A: '#0072B2', B: '#D55E00', badgeA: 'rgb(0, 114, 178)', badgeB: 'rgb(213, 94, 0)' });
    await page.screenshot({ path: path.join(OUT, 'access-cvd-contrast.png'), fullPage: true });
    await page.keyboard.press('Space');
    expect((await colours()).A).toBe('#10B981');
  });
});
