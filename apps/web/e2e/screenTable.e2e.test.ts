import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, importFixtures, openBrowser, OUT, startServer } from './serverHarness.js';

const SCOPE = 'dataset=cifar10&architecture=resnet18&forgetClass=0';
const METRICS = [['UA', 3], ['RA', 3], ['TUA', 3], ['TRA', 3], ['RTE', 1]] as const;

type Row = { id: string; role: string; method: { id: string }; hyperparameters: Record<string, number>; seed: number | null; baseModelId: string | null; metrics: Record<string, number | null> };
type Full = { id: string; accuracy: { train: number[]; test: number[] } };

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let page: Page;

const getJson = async <T,>(p: string): Promise<T> => (await fetch(`${server.url}${p}`)).json() as Promise<T>;

/**
 * Imports three more runs of the GA fixture (dd2c) under new ids with other metrics and class
 * accuracies. The reference format carries no seed (imports get 2048), so the copies share dd2c's
 * whole configuration and form one seed group with it. Also one run whose base is not stored.
 */
async function importSeedCopies(): Promise<void> {
  const source = JSON.parse(readFileSync(path.join(FIXTURES, 'dd2c.json'), 'utf8')) as Record<string, unknown> & { accs: number[]; t_accs: number[] };
  const form = new FormData();
  for (let i = 1; i <= 3; i++) {
    const id = `c00${i}`;
    const shift = (v: number, d: number) => Math.round(Math.min(1, Math.max(0, v + d)) * 1000) / 1000;
    const copy = {
      ...source,
      id,
      UA: shift(source.UA as number, 0.011 * i),
      RA: shift(source.RA as number, -0.023 * i),
      TUA: shift(source.TUA as number, 0.007 * i * (i - 2)),
      TRA: shift(source.TRA as number, 0.019 * i),
      RTE: (source.RTE as number) + 1.3 * i,
      accs: source.accs.map((v, k) => shift(v, ((k % 3) - 1) * 0.04 * i)),
      t_accs: source.t_accs.map((v, k) => shift(v, ((k % 2) * 2 - 1) * 0.03 * i)),
    };
    form.append('files', new Blob([JSON.stringify(copy)]), `${id}.json`);
  }
  // A run whose base model (ref0-beef) is not stored: its Base cell is struck through.
  const orphan = JSON.parse(readFileSync(path.join(FIXTURES, '3736.json'), 'utf8')) as Record<string, unknown>;
  form.append('files', new Blob([JSON.stringify({ ...orphan, id: 'b001', init: 'beef' })]), 'b001.json');
  const r = await fetch(`${server.url}/api/imports/results`, { method: 'POST', body: form });
  if (!r.ok) throw new Error(`import failed: ${r.status} ${await r.text()}`);
}

const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
const sampleSd = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + (x - mean(v)) ** 2, 0) / (v.length - 1));
const round3 = (x: number) => Math.round(x * 1000) / 1000;

let rows: Row[];
let members: Row[];
let groupId: string;
const pageErrors: string[] = [];

beforeAll(async () => {
  server = await startServer();
  await importFixtures(server.url);
  await importSeedCopies();
  rows = await getJson<Row[]>(`/api/results?${SCOPE}`);
  members = rows.filter((r) => r.method.id === 'ga');
  groupId = members.map((m) => m.id).sort()[0];
  ({ browser, page } = await openBrowser());
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && pageErrors.push(m.text()));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('Screen table: seed groups, row menu, columns, keyboard', () => {
  it('groups the GA runs into one row with n and mean ± sd computed from the API values', async () => {
    expect(members.length).toBe(4);
    await page.goto(`${server.url}/?stage=screen&d=cifar10&a=resnet18&fc=0`);
    const group = await page.waitForSelector(`[data-testid=model-table] tbody tr[data-group="${groupId}"]`);
    expect(await group.getAttribute('data-id')).toBeNull();
    expect(await page.textContent(`tr[data-group="${groupId}"] td[data-seed-count]`)).toBe('n = 4');
    for (const [key, digits] of METRICS) {
      const v = members.map((m) => m.metrics[key]!);
      expect(await page.textContent(`tr[data-group="${groupId}"] td[data-metric=${key}]`)).toBe(`${mean(v).toFixed(digits)} ± ${sampleSd(v).toFixed(digits)}`);
    }
    // Every record keeps its row (members hidden while collapsed); the group is the only group.
    const ids = await page.$$eval('[data-testid=model-table] tbody tr[data-id]', (r) => r.map((x) => x.getAttribute('data-id')!));
    expect(ids.sort()).toEqual(rows.map((r) => r.id).sort());
    expect(await page.$$eval('tbody tr[data-group]', (r) => r.length)).toBe(1);
    const hidden = await page.$$eval(`tr[data-member-of="${groupId}"]`, (r) => r.map((x) => (x as HTMLElement).hidden));
    expect(hidden).toEqual([true, true, true, true]);
    // A deleted (absent) base keeps its id, struck through; a present one is plain.
    expect(rows.find((r) => r.id === 'ref0-b001')!.baseModelId).toBe('ref0-beef');
    expect(await page.textContent('tr[data-id="ref0-b001"] td:nth-child(3) s')).toBe('ref0-beef');
    expect(await page.$$eval('tr[data-id="ref0-3736"] td:nth-child(3) s', (s) => s.length)).toBe(0);
  });

  it('expands to show the members beneath', async () => {
    const toggle = page.locator(`tr[data-group="${groupId}"] button.group-toggle`);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const shown = await page.$$eval(`tr[data-member-of="${groupId}"]`, (r) => r.filter((x) => !(x as HTMLElement).hidden).map((x) => x.getAttribute('data-id')!));
    expect(shown.sort()).toEqual(members.map((m) => m.id).sort());
    const dd2c = members.find((m) => m.id === 'ref0-dd2c')!;
    expect(await page.textContent('tr[data-id="ref0-dd2c"] td[data-metric=UA]')).toBe(dd2c.metrics.UA!.toFixed(3));
    await page.screenshot({ path: path.join(OUT, 'table-1-group-expanded.png'), fullPage: true });
  });

  it('chooses the group as Model B: whiskers span the members’ min–max gap, and a reload keeps the choice', async () => {
    await page.check(`input[aria-label="Model B: group ${groupId}"]`);
    expect(new URL(page.url()).searchParams.get('gB')!.split(',').sort()).toEqual(members.map((m) => m.id).sort());
    // A ≠ B: no member can be Model A now.
    for (const m of members) expect(await page.isDisabled(`input[aria-label="Model A: ${m.id}"]`)).toBe(true);
    const a = await getJson<Full>('/api/results/ref0-0000');
    const bs = await Promise.all(members.map((m) => getJson<Full>(`/api/results/${m.id}`)));
    const check = async () => {
      await page.click('nav[aria-label=Stages] >> text=Contrast');
      await page.waitForSelector('[data-chart=class-accuracy] g.whisker');
      for (const [chart, split] of [[0, 'train'], [1, 'test']] as const) {
        const found = await page.locator('[data-chart=class-accuracy] svg.chart').nth(chart).evaluate((svg) =>
          [...svg.querySelectorAll('g[data-class]')].map((g) => {
            const w = g.querySelector('g.whisker');
            return { cls: Number(g.getAttribute('data-class')), min: Number(w?.getAttribute('data-min')), max: Number(w?.getAttribute('data-max')) };
          }),
        );
        expect(found).toHaveLength(10);
        for (const { cls, min, max } of found) {
          const gaps = bs.map((b) => round3(b.accuracy[split][cls] - a.accuracy[split][cls]));
          expect(min).toBeCloseTo(Math.min(...gaps), 9);
          expect(max).toBeCloseTo(Math.max(...gaps), 9);
        }
        // At least one class where the seeds disagree, so the whiskers have length.
        expect(found.some((f) => f.max - f.min > 0.01)).toBe(true);
      }
      expect(await page.textContent('[data-testid=group-gap-note]')).toContain('B: n = 4');
    };
    await check();
    await page.screenshot({ path: path.join(OUT, 'table-2-group-whiskers.png'), fullPage: true });
    await page.reload();
    await page.waitForSelector('[data-chart=class-accuracy] g.whisker');
    await check();
    await page.click('nav[aria-label=Stages] >> text=Screen');
    expect(await page.isChecked(`input[aria-label="Model B: group ${groupId}"]`)).toBe(true);
  });

  it('Re-run opens the Model Builder prefilled with the record’s configuration', async () => {
    const f48d = rows.find((r) => r.id === 'ref0-f48d')!;
    const methods = await getJson<{ id: string; params: { key: string; label: string }[] }[]>('/api/methods');
    const params = methods.find((m) => m.id === f48d.method.id)!.params;
    await page.click('button[aria-label="Actions for ref0-f48d"]');
    expect(await page.locator('[role=menu] >> text=Download weights').count()).toBe(0);
    await page.click('[role=menu] >> text=Re-run');
    const dialog = page.locator('[role=dialog][aria-label="Model Builder"]');
    await dialog.waitFor();
    expect(await dialog.locator('#method').inputValue()).toBe(f48d.method.id);
    for (const [key, value] of Object.entries(f48d.hyperparameters)) {
      const p = params.find((x) => x.key === key)!;
      expect(await dialog.locator(`[aria-label="${p.label} values"] .badge`).allTextContents()).toEqual([`${value} ×`]);
    }
    expect(await dialog.locator('.badge', { hasText: `${f48d.seed} ×` }).count()).toBe(1);
    // The imported base has no weights here: the builder says so and falls back to the Original.
    expect(await dialog.locator('#base-model').inputValue()).toBe('');
    expect(await dialog.textContent()).toContain(f48d.baseModelId!);
    await page.screenshot({ path: path.join(OUT, 'table-3-rerun-builder.png'), fullPage: true });
    await page.click('button[aria-label="Close Model Builder"]');
    await dialog.waitFor({ state: 'detached' });
  });

  it('moves between rows with ↑/↓, picks A with "a" and opens details with Enter', async () => {
    const keys = await page.$$eval('tbody tr[data-key]:not([hidden])', (r) => r.map((x) => x.getAttribute('data-key')!));
    expect(await page.$$eval('tbody tr[data-key][tabindex="0"]', (r) => r.length)).toBe(1);
    await page.focus(`tbody tr[data-key="${keys[0]}"]`);
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-key'))).toBe(keys[1]);
    expect(await page.$$eval('tbody tr[data-key][tabindex="0"]', (r) => r.map((x) => x.getAttribute('data-key')))).toEqual([keys[1]]);
    const second = keys[1].slice(2);
    await page.keyboard.press('a');
    expect(await page.isChecked(`input[aria-label="Model A: ${second}"]`)).toBe(true);
    expect(new URL(page.url()).searchParams.get('A')).toBe(second);
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-key'))).toBe(keys[0]);
    await page.keyboard.press('Enter');
    await page.waitForSelector(`[role=dialog][aria-label="Details of ${keys[0].slice(2)}"]`);
    await page.keyboard.press('Escape');
    await page.waitForSelector('[role=dialog][aria-label^="Details of"]', { state: 'detached' });
  });

  it('column chooser lists the other hyperparameters; the chevron collapses the table to about five rows', async () => {
    const standard = new Set(['epochs', 'batchSize', 'lr']);
    const others = [...new Set(rows.flatMap((r) => Object.keys(r.hyperparameters)))].filter((k) => !standard.has(k)).sort();
    await page.click('button[aria-label="Choose columns"]');
    expect(await page.$$eval('[role=group][aria-label="Hyperparameter columns"] label', (l) => l.map((x) => x.textContent!.trim()))).toEqual(others);
    await page.click('[role=group][aria-label="Hyperparameter columns"] >> text=Done');
    // → on a collapsed group expands it: nine rows now, more than the collapsed table shows.
    await page.focus(`tr[data-group="${groupId}"]`);
    await page.keyboard.press('ArrowRight');
    expect(await page.getAttribute(`tr[data-group="${groupId}"]`, 'aria-expanded')).toBe('true');
    expect(await page.$$eval('tbody tr[data-key]:not([hidden])', (r) => r.length)).toBe(rows.length - members.length + 1 + members.length);
    await page.click('button[aria-label="Collapse the table"]');
    const collapsed = await page.$eval('[data-testid=model-table-wrap]', (w) => w.getBoundingClientRect().height);
    const rowHeight = await page.$eval('tbody tr[data-key]', (r) => r.getBoundingClientRect().height);
    expect(collapsed).toBeLessThanOrEqual(rowHeight * 7);
    await page.click('button[aria-label="Expand the table"]');
    const full = await page.$eval('[data-testid=model-table-wrap]', (w) => w.getBoundingClientRect().height);
    expect(full).toBeGreaterThan(collapsed);
    await page.screenshot({ path: path.join(OUT, 'table-4-final.png'), fullPage: true });
  });

  it('raised no script error on the way (no render loops, no React warnings)', () => {
    expect(pageErrors).toEqual([]);
  });
});
