import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, importCopies, importFixtures, openBrowser, OUT, startServer } from './serverHarness.js';

const SCREEN = '/?stage=screen&d=cifar10&a=resnet18&fc=0';
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let page: Page;
/** Id of the record with per-epoch metrics (see `importEpochRecord`). */
let epochId: string;
const EPOCHS = 30;

type Row = { id: string; role: string; method: { label: string }; hyperparameters: Record<string, unknown> };
const getJson = async <T,>(p: string): Promise<T> => (await fetch(`${server.url}${p}`)).json() as Promise<T>;
const apiRows = () => getJson<Row[]>('/api/results?dataset=cifar10&architecture=resnet18&forgetClass=0');

/**
 * None of the reference fixtures carries per-epoch data, so this imports a copy of the Original's
 * file as an unlearned SCRUB run of 30 epochs with an `epoch_metrics` block (31 entries, index 0
 * before training) and a method-specific hyperparameter (`freeze_first_k`), through the real
 * importer; the views must then show what the API returns.
 */
async function importEpochRecord(url: string): Promise<string> {
  const file = JSON.parse(readFileSync(path.join(FIXTURES, '0000.json'), 'utf8')) as Record<string, unknown>;
  const ramp = (from: number, to: number) => Array.from({ length: EPOCHS + 1 }, (_, i) => +(from + ((to - from) * i) / EPOCHS).toFixed(4));
  const copy = {
    ...file,
    ID: 'ee30', Type: 'Unlearned', Base: '0000', Method: 'SCRUB', Epoch: EPOCHS, BS: 64, LR: 0.005, freeze_first_k: 2,
    epoch_metrics: { UA: ramp(1, 0.05), RA: ramp(1, 0.97), TUA: ramp(0.96, 0.06), TRA: ramp(0.953, 0.9), PS: ramp(0, 0.6) },
  };
  const form = new FormData();
  form.append('files', new Blob([JSON.stringify(copy)]), 'ee30.json');
  const r = await fetch(`${url}/api/imports/results`, { method: 'POST', body: form });
  if (!r.ok) throw new Error(`import failed: ${r.status} ${await r.text()}`);
  return ((await r.json()) as { imported: { id: string }[] }).imported[0].id;
}

/** Axis keys in drawn order (by x position), with their x. */
const axisOrder = () =>
  page.$$eval('svg.parallel g[data-axis]', (gs) =>
    gs.map((g) => ({ key: g.getAttribute('data-axis')!, x: Number(/translate\(([-\d.]+)/.exec(g.getAttribute('transform')!)![1]) })).sort((a, b) => a.x - b.x),
  );
const tableIds = async () => (await page.$$eval('[data-testid=model-table] tbody tr[data-id]', (r) => r.map((x) => x.getAttribute('data-id')!))).sort();
/** The y of every line where it crosses the axis at x, by record id. */
const crossings = (x: number) =>
  page.$$eval('svg.parallel .lines path', (paths, ax) => Object.fromEntries(paths.map((p) => {
    const pts = [...p.getAttribute('d')!.matchAll(/[ML]([-\d.]+),([-\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    return [p.getAttribute('data-id')!, pts.find(([px]) => Math.abs(px - ax) < 0.2)?.[1] ?? null];
  })), x);
const openParallel = async () => {
  await page.check('text=Parallel coordinates');
  await page.waitForSelector('svg.parallel g[data-axis=lr]');
};

beforeAll(async () => {
  server = await startServer();
  await importFixtures(server.url);
  await importCopies(server.url, 18);
  epochId = await importEpochRecord(server.url);
  ({ browser, page } = await openBrowser());
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('parallel coordinates (24 runs of cifar10 / resnet18 / class 0)', () => {
  let expectedRows: string[];
  let before: { order: string[]; brush: string; range: string };

  it('draws one line per run: colour = method, references dashed', async () => {
    const api = await apiRows();
    expect(api.length).toBe(24);
    await page.goto(`${server.url}${SCREEN}`);
    await page.waitForSelector(`[data-testid=model-table] tbody tr[data-id="${epochId}"]`);
    await openParallel();
    const lines = await page.$$eval('svg.parallel .lines path', (p) => p.map((x) => ({ id: x.getAttribute('data-id')!, stroke: x.getAttribute('stroke'), dash: x.getAttribute('stroke-dasharray') })));
    expect(lines.map((l) => l.id).sort()).toEqual(api.map((r) => r.id).sort());
    for (const l of lines) {
      const r = api.find((x) => x.id === l.id)!;
      expect(l.dash !== null).toBe(r.role !== 'unlearned');
      // Same method ⇔ same colour.
      for (const o of lines) expect(o.stroke === l.stroke).toBe(api.find((x) => x.id === o.id)!.method.label === r.method.label);
    }
    // The fixtures have only generic hyperparameters: no method-specific axis appears.
    expect((await axisOrder()).map((a) => a.key)).toEqual(['method', 'epochs', 'batchSize', 'lr', 'seed', 'UA', 'RA', 'TUA', 'TRA', 'PS', 'RTE']);
  });

  it('moves an axis by dragging its title sideways', async () => {
    const order = await axisOrder();
    const from = order.findIndex((a) => a.key === 'lr');
    const to = order.findIndex((a) => a.key === 'TUA');
    const title = (await page.locator('svg.parallel g[data-axis=lr] .axis-title').boundingBox())!;
    await page.mouse.move(title.x + title.width / 2, title.y + title.height / 2);
    await page.mouse.down();
    await page.mouse.move(title.x + title.width / 2 + (order[to].x - order[from].x), title.y + title.height / 2, { steps: 12 });
    await page.mouse.up();
    const keys = order.map((a) => a.key);
    const expected = keys.filter((k) => k !== 'lr');
    expected.splice(to, 0, 'lr');
    await page.waitForFunction(() => !document.querySelector('svg.parallel g.axis.dragging'));
    const after = await axisOrder();
    expect(after.map((a) => a.key)).toEqual(expected);
    // Axes sit on their slots again, lr where TUA was.
    expect(after[to].x).toBeCloseTo(order[to].x, 1);
    expect(new URL(page.url()).searchParams.get('pco')).toBe(expected.join('.'));
    // Keyboard: ] moves the focused axis one place right, Alt+← back.
    await page.focus('svg.parallel g[data-axis=epochs] .axis-title');
    await page.keyboard.press(']');
    const i = expected.indexOf('epochs');
    expect((await axisOrder()).map((a) => a.key).indexOf('epochs')).toBe(i + 1);
    expect(await page.evaluate(() => document.activeElement?.closest('g[data-axis]')?.getAttribute('data-axis'))).toBe('epochs');
    await page.keyboard.press('Alt+ArrowLeft');
    expect((await axisOrder()).map((a) => a.key)).toEqual(expected);
  });

  it('flips an axis: its range reverses and the lines cross it mirrored', async () => {
    const axis = await page.$eval('svg.parallel g[data-axis=lr]', (g) => ({ range: g.getAttribute('data-range')!.split(',').map(Number), x: Number(/translate\(([-\d.]+)/.exec(g.getAttribute('transform')!)![1]) }));
    const y0 = await crossings(axis.x);
    await page.dblclick('svg.parallel g[data-axis=lr] .axis-title');
    await page.waitForSelector('svg.parallel g[data-axis=lr][data-flipped=true]');
    expect((await page.getAttribute('svg.parallel g[data-axis=lr]', 'data-range'))!.split(',').map(Number)).toEqual([axis.range[1], axis.range[0]]);
    const y1 = await crossings(axis.x);
    const crossing = Object.keys(y0).filter((id) => y0[id] !== null);
    expect(crossing.length).toBeGreaterThan(18);
    for (const id of crossing) expect(y1[id]!).toBeCloseTo(axis.range[0] + axis.range[1] - y0[id]!, 0);
    // Keyboard: F flips the focused axis, F again flips it back; the flip button does it too.
    await page.focus('svg.parallel g[data-axis=UA] .axis-title');
    await page.keyboard.press('f');
    await page.waitForSelector('svg.parallel g[data-axis=UA][data-flipped=true]');
    await page.click('svg.parallel g[data-axis=UA] .axis-flip');
    await page.waitForSelector('svg.parallel g[data-axis=UA][data-flipped=false]');
    expect(new URL(page.url()).searchParams.get('pcf')).toBe('lr');
  });

  it('brushes a focused axis with the keyboard and filters the table like the API', async () => {
    const api = await apiRows();
    const expectFor = async () => {
      const [lo, hi] = (await page.getAttribute('svg.parallel g[data-axis=lr]', 'data-brush'))!.split(',').map(Number);
      const ids = api.filter((r) => r.role !== 'unlearned' || ((r.hyperparameters.lr as number) >= lo && (r.hyperparameters.lr as number) <= hi)).map((r) => r.id).sort();
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid=model-table] tbody tr[data-id]').length === n, ids.length);
      expect(await tableIds()).toEqual(ids);
      expect(await page.$$eval('svg.parallel .lines path[data-visible=true]', (p) => p.length)).toBe(ids.length);
      return { lo, hi, ids };
    };
    await page.focus('svg.parallel g[data-axis=lr] .axis-title');
    // lr is flipped: ↑ starts at the drawn bottom, the largest lr (0.01, the Fine-Tuning runs).
    await page.keyboard.press('ArrowUp');
    const first = await expectFor();
    expect(first.hi).toBe(0.01);
    expect(first.ids.length).toBeLessThan(api.length);
    for (let k = 0; k < 4; k++) await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Shift+ArrowUp');
    const moved = await expectFor();
    // Steps of 0.2 decades down from 0.01 (the axis spans 1e-4…1e-2, flipped): [10^-2.8, 10^-3], then one step wider.
    expect(moved.hi).toBeCloseTo(10 ** -2.8, 6);
    expect(moved.lo).toBeCloseTo(10 ** -3.2, 6);
    await page.keyboard.press('Escape');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=model-table] tbody tr[data-id]').length === n, api.length);
    expect(await page.getAttribute('svg.parallel g[data-axis=lr]', 'data-brush')).toBeNull();
    for (let k = 0; k < 5; k++) await page.keyboard.press('ArrowUp');
    expectedRows = (await expectFor()).ids;
    expect(expectedRows.length).toBeLessThan(api.length);
    before = {
      order: (await axisOrder()).map((a) => a.key),
      brush: (await page.getAttribute('svg.parallel g[data-axis=lr]', 'data-brush'))!,
      range: (await page.getAttribute('svg.parallel g[data-axis=lr]', 'data-range'))!,
    };
    await page.screenshot({ path: path.join(OUT, 'parallel-brushed.png'), fullPage: true });
  });

  it('restores brushes, axis order and flips from the URL after a reload', async () => {
    await page.reload();
    await page.waitForSelector('[data-testid=model-table] tbody tr[data-id]');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=model-table] tbody tr[data-id]').length === n, expectedRows.length);
    expect(await tableIds()).toEqual(expectedRows);
    // The view itself is open again (`pc=1`), without a click.
    expect(new URL(page.url()).searchParams.get('pc')).toBe('1');
    await page.waitForSelector('svg.parallel g[data-axis=lr]');
    expect((await axisOrder()).map((a) => a.key)).toEqual(before.order);
    expect(await page.getAttribute('svg.parallel g[data-axis=lr]', 'data-brush')).toBe(before.brush);
    expect(await page.getAttribute('svg.parallel g[data-axis=lr]', 'data-range')).toBe(before.range);
    expect(await page.getAttribute('svg.parallel g[data-axis=lr]', 'data-flipped')).toBe('true');
    // Click pins B, shift-click pins A.
    const [a, b] = expectedRows.filter((id) => !id.startsWith('ref0-0') && !id.startsWith('ref0-a')).slice(0, 2);
    await page.locator(`svg.parallel .lines path[data-id="${b}"]`).dispatchEvent('click', { shiftKey: false });
    await page.locator(`svg.parallel .lines path[data-id="${a}"]`).dispatchEvent('click', { shiftKey: true });
    expect(await page.isChecked(`input[aria-label="Model B: ${b}"]`)).toBe(true);
    expect(await page.isChecked(`input[aria-label="Model A: ${a}"]`)).toBe(true);
    // Malformed URL values are dropped, not thrown.
    await page.goto(`${server.url}${SCREEN}&b.lr=x_1&pco=..&pcf=%00&b.UA=0.1`);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=model-table] tbody tr[data-id]').length === 24);
  });

  it('shows a method-specific axis only while the method filter selects that one method', async () => {
    const api = await apiRows();
    const scrub = api.filter((r) => r.role !== 'unlearned' || r.method.label === 'SCRUB');
    await page.goto(`${server.url}${SCREEN}&methods=scrub`);
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=model-table] tbody tr[data-id]').length === n, scrub.length);
    await openParallel();
    const keys = (await axisOrder()).map((a) => a.key);
    expect(keys.slice(keys.indexOf('lr'), keys.indexOf('lr') + 3)).toEqual(['lr', 'freezeFirstK', 'seed']);
    // ↓ brushes the top step of the axis (freezeFirstK 1…3): the SCRUB run (2) falls outside.
    await page.focus('svg.parallel g[data-axis=freezeFirstK] .axis-title');
    await page.keyboard.press('ArrowDown');
    const [lo, hi] = (await page.getAttribute('svg.parallel g[data-axis=freezeFirstK]', 'data-brush'))!.split(',').map(Number);
    const inside = scrub.filter((r) => r.role !== 'unlearned' || ((r.hyperparameters.freezeFirstK as number) >= lo && (r.hyperparameters.freezeFirstK as number) <= hi)).map((r) => r.id).sort();
    expect(inside.length).toBe(scrub.length - 1);
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=model-table] tbody tr[data-id]').length === n, inside.length);
    expect(await tableIds()).toEqual(inside);
    const brushParam = new URL(page.url()).searchParams.get('b.freezeFirstK');
    expect(brushParam).toBe(`${lo}_${hi}`);
    // Without the filter the axis is gone, and so is its brush: the table is not filtered by an axis nobody sees.
    await page.goto(`${server.url}${SCREEN}&b.freezeFirstK=${brushParam}`);
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=model-table] tbody tr[data-id]').length === n, api.length);
    await openParallel();
    expect((await axisOrder()).map((a) => a.key)).not.toContain('freezeFirstK');
    expect(new URL(page.url()).searchParams.get('b.freezeFirstK')).toBeNull();
  });
});

describe('details drawer: training history', () => {
  it('draws the five epoch-metric series (≤ 20 points each) with the legend', async () => {
    const rec = await getJson<{ epochMetrics: Record<string, (number | null)[]> }>(`/api/results/${epochId}`);
    expect(rec.epochMetrics.UA).toHaveLength(EPOCHS + 1);
    await page.click(`[data-testid=model-table] tr[data-id="${epochId}"] button.link`);
    const chart = await page.waitForSelector('[role=dialog] svg.history');
    expect(await chart.getAttribute('aria-label')).toContain(`Training history of ${epochId}`);
    const series = await page.$$eval('[role=dialog] svg.history g.series', (gs) => gs.map((g) => ({ key: g.getAttribute('data-series'), markers: g.querySelectorAll('.marker').length, dash: g.querySelector('path')!.getAttribute('stroke-dasharray') })));
    expect(series.map((s) => s.key)).toEqual(['UA', 'RA', 'TUA', 'TRA', 'PS']);
    for (const s of series) expect(s.markers).toBe(Math.min(20, rec.epochMetrics[s.key!].filter((v) => v !== null).length));
    expect(series.map((s) => s.dash)).toEqual(['3 3', null, '3 3', null, '8 3 2 3']);
    // First and last epoch are kept; the values are the API's.
    const ua = await page.$$eval('[role=dialog] svg.history g.series[data-series=UA] .marker title', (t) => t.map((x) => x.textContent));
    expect(ua[0]).toBe(`UA, epoch 0: ${rec.epochMetrics.UA[0]}`);
    expect(ua.at(-1)).toBe(`UA, epoch ${EPOCHS}: ${rec.epochMetrics.UA[EPOCHS]}`);
    const legend = await page.$$eval('[role=dialog] svg.history .legend-item', (g) => g.map((x) => x.textContent));
    expect(legend).toEqual(['UA', 'RA', 'TUA', 'TRA', 'PS']);
    // The legend sits inside the plot, at the lower right.
    const [box, svg] = await Promise.all([page.locator('[role=dialog] svg.history .legend').boundingBox(), chart.boundingBox()]);
    expect(box!.x + box!.width).toBeLessThanOrEqual(svg!.x + svg!.width);
    expect(box!.y + box!.height).toBeLessThanOrEqual(svg!.y + svg!.height);
    expect(box!.x).toBeGreaterThan(svg!.x + svg!.width / 2);
    expect(box!.y).toBeGreaterThan(svg!.y + svg!.height / 3);
    await page.screenshot({ path: path.join(OUT, 'history-chart.png'), fullPage: true });
    await page.click('[role=dialog] button[aria-label="Close details"]');
    // An imported record without per-epoch data says so instead of drawing an empty chart.
    await page.click('[data-testid=model-table] tr[data-id="ref0-0000"] button.link');
    await page.waitForSelector('[role=dialog] >> text=No per-epoch history in this record.');
  });
});
