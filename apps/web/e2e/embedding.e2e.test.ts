import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCopies, importFixtures, openBrowser, OUT, startServer } from './serverHarness.js';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let page: Page;

type Rec = { embedding: { sampleId: string; x: number[]; y: number[]; pred: number[]; trueClass: number[]; indices: number[] } };
const getJson = async <T,>(p: string): Promise<T> => (await fetch(`${server.url}${p}`)).json() as Promise<T>;

/** A record with its embedding sample's indices and true classes (the reference sample stores them apart). */
async function record(id: string): Promise<Rec> {
  const r = await getJson<Rec>(`/api/results/${id}`);
  if (r.embedding.indices && r.embedding.trueClass) return r;
  const [dataset, sample] = r.embedding.sampleId.split('/');
  const s = await getJson<{ indices: number[]; trueClass: number[] }>(`/api/datasets/${dataset}/samples/${sample}`);
  return { ...r, embedding: { ...r.embedding, indices: s.indices, trueClass: s.trueClass } };
}

/** Each mark's centre relative to its plot's top-left corner, and its size: [x, y, width, height]. */
const marks = (plot: number) =>
  page.$$eval('svg.scatter', (svgs, p) => {
    const origin = svgs[p].getBoundingClientRect();
    return [...svgs[p].querySelectorAll('.marks > *')].map((m) => {
      const r = m.getBoundingClientRect();
      return [r.x + r.width / 2 - origin.x, r.y + r.height / 2 - origin.y, r.width, r.height];
    });
  }, plot);

/** Two animation frames of the page. */
const nextFrames = () => page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));

/** The plot's marks once they have moved away from `from` and stopped (equal on successive frames). */
async function movedMarks(plot: number, from: number[][]): Promise<number[][]> {
  let last: number[][] = from;
  await expect.poll(async () => {
    const previous = last;
    await nextFrames();
    last = await marks(plot);
    return maxGap(last, from) > 1 && maxGap(last, previous) === 0;
  }, { timeout: 30_000 }).toBe(true);
  return last;
}

/** Polls until the plot's marks are within `tolerance` px of `target`. */
const marksReach = (plot: number, target: number[][], tolerance: number) =>
  expect.poll(async () => maxGap(await marks(plot), target), { timeout: 30_000 }).toBeLessThan(tolerance);

/** The plot's box in page pixels, once the layout has stopped moving. */
async function plotBox(plot: number): Promise<{ x: number; y: number; width: number; height: number }> {
  await page.locator('svg.scatter').nth(plot).scrollIntoViewIfNeeded();
  const read = () => page.$$eval('svg.scatter', (svgs, p) => svgs[p].getBoundingClientRect().toJSON() as { x: number; y: number; width: number; height: number }, plot);
  let last = await read();
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(150);
    const now = await read();
    if (now.x === last.x && now.y === last.y && now.width === last.width) return now;
    last = now;
  }
  return last;
}

async function open(a: string, b: string, align: boolean) {
  await page.goto(`${server.url}/?stage=contrast&d=cifar10&a=resnet18&fc=0&A=${a}&B=${b}${align ? '&align=1' : ''}`);
  await page.waitForSelector(`.contrast-grid[data-b="${b}"] svg.scatter`);
  await page.waitForFunction(() => [...document.querySelectorAll('svg.scatter')].map((s) => s.querySelectorAll('.marks > *').length).join() === '2000,2000');
}

const maxGap = (p: number[][], q: number[][]) => Math.max(...p.map((m, i) => Math.max(Math.abs(m[0] - q[i][0]), Math.abs(m[1] - q[i][1]))));

beforeAll(async () => {
  server = await startServer();
  await importFixtures(server.url);
  await importCopies(server.url, 1); // ref0-e001: a copy of ref0-dd2c under a new id
  ({ browser, page } = await openBrowser());
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('Embedding Space: zoom, alignment, morph, keyboard and lasso', () => {
  it('wheel zooms about the pointer without resizing marks; home resets', async () => {
    await open('ref0-dd2c', 'ref0-a000', false);
    const box = await plotBox(0);
    const before = await marks(0);
    const beforeB = await marks(1);
    const c = { x: box.width / 2, y: box.height / 2 };
    await page.mouse.move(box.x + c.x, box.y + c.y);
    await page.mouse.wheel(0, -300);
    const after = await movedMarks(0, before);
    // d3-zoom: a 300 px wheel step scales by 2^(300 · 0.002) about the pointer. The fixed point
    // (the pointer in the plot's own pixels) comes from one mark and must hold for all.
    const k = 2 ** 0.6;
    const fixed = [0, 1].map((d) => (after[0][d] - k * before[0][d]) / (1 - k));
    expect(Math.abs(fixed[0] - c.x)).toBeLessThan(1);
    expect(Math.abs(fixed[1] - c.y)).toBeLessThan(1);
    expect(maxGap(after, before.map(([x, y, w, h]) => [fixed[0] + k * (x - fixed[0]), fixed[1] + k * (y - fixed[1]), w, h]))).toBeLessThan(0.05);
    const size = (m: number[]) => `${m[2].toFixed(2)}×${m[3].toFixed(2)}`;
    expect(after.map(size)).toEqual(before.map(size));
    expect(maxGap(await marks(1), beforeB)).toBe(0); // not aligned: B keeps its own view
    // Hover and click work in zoomed coordinates: take a visible mark with no neighbour within 4 px.
    const ra = await record('ref0-dd2c');
    const lone = after.findIndex(([x, y], i) => x > 20 && y > 20 && x < box.width - 40 && y < box.height - 20 && after.every(([u, v], j) => j === i || Math.hypot(u - x, v - y) > 4));
    expect(lone).toBeGreaterThanOrEqual(0);
    await page.mouse.move(box.x + after[lone][0], box.y + after[lone][1]);
    await expect.poll(() => page.getAttribute('svg.scatter >> nth=0 >> g.hover', 'data-hover')).toBe(String(lone));
    await page.mouse.click(box.x + after[lone][0], box.y + after[lone][1]);
    const img = await page.waitForSelector('[role=dialog][aria-label="Instance details"] img');
    expect(await img.getAttribute('alt')).toBe(`training image ${ra.embedding.indices[lone]}`);
    await page.keyboard.press('Escape');
    await page.waitForSelector('[role=dialog][aria-label="Instance details"]', { state: 'detached' });
    // Positions written through the SVG DOM still serialise (the SVG/PNG export reads the markup).
    expect(await page.$eval('svg.scatter', (svg) => new XMLSerializer().serializeToString(svg).match(/<circle[^>]*transform="translate\(/) !== null)).toBe(true);
    // Drag pans by the drag distance.
    await page.mouse.move(box.x + c.x, box.y + c.y);
    await page.mouse.down();
    await page.mouse.move(box.x + c.x + 40, box.y + c.y - 25, { steps: 5 });
    await page.mouse.up();
    const panned = await marks(0);
    expect(maxGap(panned, after.map(([x, y, w, h]) => [x + 40, y - 25, w, h]))).toBeLessThan(0.05);
    await page.click('button[aria-label="Reset zoom of Model A"]');
    await marksReach(0, before, 0.01);
  });

  it('aligning a model with itself gives identical panels, with linked zoom', async () => {
    await open('ref0-dd2c', 'ref0-e001', true);
    const a = await marks(0);
    expect(maxGap(await marks(1), a)).toBeLessThan(0.02);
    const box = await plotBox(0);
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.6);
    await page.mouse.wheel(0, -500);
    const zoomedA = await movedMarks(0, a);
    expect(maxGap(zoomedA, a)).toBeGreaterThan(10);
    await marksReach(1, zoomedA, 0.02);
    // Ms per zoom frame (both plots follow): the wheel event's own work, and event → next painted frame.
    const perFrame = await page.evaluate(async () => {
      const svg = document.querySelectorAll('svg.scatter')[0];
      const r = svg.getBoundingClientRect();
      const script: number[] = [], frame: number[] = [];
      for (let i = 0; i < 30; i++) {
        const t0 = performance.now();
        svg.dispatchEvent(new WheelEvent('wheel', { deltaY: i % 2 ? 40 : -40, clientX: r.x + r.width / 2, clientY: r.y + r.height / 2, bubbles: true, cancelable: true }));
        script.push(performance.now() - t0);
        await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
        frame.push(performance.now() - t0);
      }
      const median = (v: number[]) => v.sort((p, q) => p - q)[v.length >> 1];
      return { script: median(script), frame: median(frame), max: Math.max(...frame) };
    });
    console.log(`linked wheel zoom (2 × 2,000 marks): handler ${perFrame.script.toFixed(2)} ms, event → painted frame median ${perFrame.frame.toFixed(1)} ms, max ${perFrame.max.toFixed(1)} ms`);
    await page.click('button[aria-label="Reset zoom of Model B"]');
    await marksReach(0, a, 0.01);
    await marksReach(1, a, 0.02);
  });

  it('the scrubber morphs B from A’s positions to its aligned ones; movers are the farthest', async () => {
    await open('ref0-0000', 'ref0-a000', true);
    const [ra, rb] = await Promise.all([record('ref0-0000'), record('ref0-a000')]);
    const inA = new Map(ra.embedding.indices.map((k, i) => [k, i]));
    const bToA = rb.embedding.indices.map((k) => inA.get(k) ?? -1);
    const a = await marks(0);
    const aligned = await marks(1);
    const scrubber = page.locator('input[type=range][aria-label^="Morph from A"]');
    await scrubber.focus();
    await page.keyboard.press('Home');
    expect(await scrubber.inputValue()).toBe('0');
    const atA = await marks(1);
    const shared = bToA.map((i, j) => [i, j]).filter(([i]) => i >= 0);
    expect(shared.length).toBeGreaterThan(1000);
    expect(maxGap(shared.map(([, j]) => atA[j]), shared.map(([i]) => a[i]))).toBeLessThan(0.02);
    for (let s = 0; s < 50; s++) await page.keyboard.press('ArrowRight');
    expect(await scrubber.inputValue()).toBe('0.5');
    const half = await marks(1);
    expect(maxGap(shared.map(([, j]) => half[j]), shared.map(([i, j]) => [(a[i][0] + aligned[j][0]) / 2, (a[i][1] + aligned[j][1]) / 2]))).toBeLessThan(0.02);
    await page.keyboard.press('End');
    expect(maxGap(await marks(1), aligned)).toBeLessThan(0.01);
    // Animate: starts from A's positions and ends aligned about 1 s later, through values in between.
    const seen = page.evaluate(() => new Promise<string[]>((done) => {
      const input = document.querySelector<HTMLInputElement>('input[type=range][aria-label^="Morph from A"]')!;
      const values: string[] = [];
      const watch = () => (values.push(input.value), input.value === '1' && values.some((v) => v !== '1') ? done(values) : requestAnimationFrame(watch));
      requestAnimationFrame(watch);
      setTimeout(() => done(values), 30_000);
    }));
    await page.click('button:text("Animate A → B")');
    expect((await seen).some((v) => Number(v) > 0 && Number(v) < 1)).toBe(true);
    // (The range input snaps to its 0.01 step, so the last frames already read "1": poll the marks.)
    await marksReach(1, aligned, 0.01);
    expect(await scrubber.inputValue()).toBe('1');
    // Largest movers: distances in data units (the plot's scale factors read off A's marks).
    const ex = ra.embedding.x, ey = ra.embedding.y;
    const lo = ex.indexOf(Math.min(...ex)), hi = ex.indexOf(Math.max(...ex)), yl = ey.indexOf(Math.min(...ey)), yh = ey.indexOf(Math.max(...ey));
    const kx = (a[hi][0] - a[lo][0]) / (ex[hi] - ex[lo]), ky = (a[yh][1] - a[yl][1]) / (ey[yh] - ey[yl]);
    const moved = (j: number) => Math.hypot((aligned[j][0] - atA[j][0]) / kx, (aligned[j][1] - atA[j][1]) / ky);
    await page.check('text=Emphasise 20 largest movers');
    const opaque = (p: number) => page.$$eval('svg.scatter', (svgs, q) => [...svgs[q].querySelectorAll('.marks > *')].map((m, i) => (Number(m.getAttribute('opacity')) > 0.05 ? i : -1)).filter((i) => i >= 0), p);
    const moversB = await opaque(1);
    expect(moversB.length).toBe(20);
    expect((await opaque(0)).sort((p, q) => p - q)).toEqual(moversB.map((j) => bToA[j]).sort((p, q) => p - q));
    const rest = shared.map(([, j]) => j).filter((j) => !moversB.includes(j));
    expect(Math.min(...moversB.map(moved))).toBeGreaterThanOrEqual(Math.max(...rest.map(moved)) * 0.999);
    await page.screenshot({ path: path.join(OUT, 'embedding-movers.png'), fullPage: true });
    await page.uncheck('text=Emphasise 20 largest movers');
    // Reduced motion: Animate jumps to the end, home resets at once (the scrubber still works).
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await scrubber.focus();
    await page.keyboard.press('Home');
    await page.click('button:text("Animate A → B")');
    expect(await scrubber.inputValue()).toBe('1');
    expect(maxGap(await marks(1), aligned)).toBeLessThan(0.01);
    const box = await plotBox(1);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -400);
    expect(maxGap(await movedMarks(1, aligned), aligned)).toBeGreaterThan(10);
    await page.click('button[aria-label="Reset zoom of Model B"]');
    await marksReach(1, aligned, 0.01);
    expect(maxGap(await marks(0), a)).toBeLessThan(0.01);
    await page.emulateMedia({ reducedMotion: null });
  });

  it('keyboard: arrows move between instances in both plots, Enter opens the card, Escape clears', async () => {
    await open('ref0-0000', 'ref0-a000', false);
    const [ra, ds] = await Promise.all([record('ref0-0000'), getJson<{ classNames: string[] }>('/api/datasets/cifar10')]);
    const name = (k: number) => `${ds.classNames[k]}${k === 0 ? ' (✖)' : ''}`;
    const a = await marks(0);
    await page.focus('svg.scatter >> nth=0');
    const hovered = async () => Number(await page.getAttribute('svg.scatter >> nth=0 >> g.hover', 'data-hover'));
    await page.keyboard.press('ArrowRight');
    const first = await hovered();
    const keys = await page.$$eval('svg.scatter g.hover', (g) => g.map((x) => x.getAttribute('data-key')));
    expect(keys).toEqual([String(ra.embedding.indices[first]), String(ra.embedding.indices[first])]);
    await expect.poll(() => page.textContent('svg.scatter >> nth=0 >> xpath=../p[@aria-live]')).toBe(`Sample ${ra.embedding.indices[first]}: true ${name(ra.embedding.trueClass![first])}, predicted ${name(ra.embedding.pred[first])}`);
    // The hover link line joins the two marks, 4 px short of each centre.
    const centre = (plot: number) => page.$$eval('svg.scatter', (svgs, p) => {
      const r = svgs[p].querySelector('g.hover circle')!.getBoundingClientRect();
      return [r.x + r.width / 2, r.y + r.height / 2];
    }, plot);
    const ends = () => page.$eval('.hover-link-line', (l) => {
      const r = (l as SVGLineElement).ownerSVGElement!.getBoundingClientRect();
      return l.getAttribute('visibility') === 'visible' ? [0, 1].map((e) => [r.x + Number(l.getAttribute(`x${e + 1}`)), r.y + Number(l.getAttribute(`y${e + 1}`))]) : null;
    });
    await expect.poll(ends).not.toBeNull();
    const [pA, pB, line] = [await centre(0), await centre(1), (await ends())!];
    expect(Math.hypot(line[0][0] - pA[0], line[0][1] - pA[1])).toBeCloseTo(4, 1);
    expect(Math.hypot(line[1][0] - pB[0], line[1][1] - pB[1])).toBeCloseTo(4, 1);
    await page.keyboard.press('ArrowRight');
    const right = await hovered();
    expect(a[right][0]).toBeGreaterThan(a[first][0]);
    await page.keyboard.press('ArrowDown');
    const down = await hovered();
    expect(a[down][1]).toBeGreaterThan(a[right][1]);
    await page.keyboard.press('ArrowLeft');
    expect(a[await hovered()][0]).toBeLessThan(a[down][0]);
    const current = await hovered();
    await page.keyboard.press('Enter');
    const img = await page.waitForSelector('[role=dialog][aria-label="Instance details"] img');
    expect(await img.getAttribute('alt')).toBe(`training image ${ra.embedding.indices[current]}`);
    await page.keyboard.press('Escape');
    await page.waitForSelector('[role=dialog][aria-label="Instance details"]', { state: 'detached' });
    expect(await page.evaluate(() => document.activeElement === document.querySelectorAll('svg.scatter')[0])).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.$$('svg.scatter g.hover')).toHaveLength(0);
  });

  it('instance set: marks outside the active set fade in both plots', async () => {
    await open('ref0-0000', 'ref0-a000', false);
    const [ra, rb] = await Promise.all([record('ref0-0000'), record('ref0-a000')]);
    const inB = new Map(rb.embedding.indices.map((k, j) => [k, j]));
    // "Forget samples still correct in A but not in B", directly from the two records.
    const expected = ra.embedding.indices.filter((k, i) => {
      const j = inB.get(k);
      return ra.embedding.trueClass[i] === 0 && ra.embedding.pred[i] === 0 && j !== undefined && rb.embedding.pred[j] !== 0;
    });
    expect(expected.length).toBeGreaterThan(0);
    const toggle = page.locator('[aria-label="Instance set filter"]:visible button.is-toggle');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await page.selectOption('select[aria-label="Instance-set preset"]:visible', 'keptByAOnly');
    await page.waitForSelector('svg.scatter .marks > [data-in-set]');
    const inSet = (plot: number) => page.$$eval('svg.scatter', (svgs, p) => [...svgs[p].querySelectorAll('.marks > *')].map((m) => [m.getAttribute('data-in-set'), m.getAttribute('opacity')]), plot);
    for (const [plot, rec] of [[0, ra], [1, rb]] as const) {
      const marksIn = await inSet(plot);
      const keys = marksIn.map((m, i) => (m[0] === 'true' ? rec.embedding.indices[i] : -1)).filter((k) => k >= 0);
      expect(keys.sort((p, q) => p - q)).toEqual([...expected].sort((p, q) => p - q));
      expect(marksIn.filter((m) => m[0] === 'false').every((m) => m[1] === '0.05')).toBe(true);
      expect(marksIn.filter((m) => m[0] === 'true').every((m) => m[1] !== '0.05')).toBe(true);
    }
    await page.click('[aria-label="Instance set filter"]:visible button:text("Clear")');
    await page.waitForFunction(() => document.querySelector('svg.scatter .marks > [data-in-set]') === null);
  });

  it('lasso: a drag selects exactly the marks inside the polygon and does not pan', async () => {
    await open('ref0-dd2c', 'ref0-a000', false);
    await page.click('button[aria-pressed]:text("Lasso")');
    const box = await plotBox(1);
    const before = await marks(1);
    const polygon = [[0.2, 0.2], [0.75, 0.3], [0.7, 0.8], [0.4, 0.65], [0.25, 0.7]].map(([fx, fy]) => [Math.round(box.width * fx), Math.round(box.height * fy)]);
    await page.mouse.move(box.x + polygon[0][0], box.y + polygon[0][1]);
    await page.mouse.down();
    for (const [x, y] of [...polygon.slice(1), polygon[0]]) await page.mouse.move(box.x + x, box.y + y, { steps: 4 });
    await page.mouse.up();
    // Even–odd ray casting over the DOM positions, independent of the app's d3-polygon test.
    const inside = ([x, y]: number[]) => {
      let c = false;
      for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
        const [xi, yi] = polygon[i], [xj, yj] = polygon[j];
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
      }
      return c;
    };
    const expected = before.filter(inside).length;
    expect(expected).toBeGreaterThan(20);
    expect(await page.textContent('.lasso-count')).toBe(`${expected} selected`);
    expect(maxGap(await marks(1), before)).toBe(0);
    expect(await page.$('svg.scatter >> nth=1 >> path.lasso:not(.lasso-draft)')).not.toBeNull();
    await page.screenshot({ path: path.join(OUT, 'embedding-lasso.png'), fullPage: true });
    await page.click('text=Clear lasso');
    expect(await page.$('.lasso-count')).toBeNull();
    expect(await page.$('svg.scatter path.lasso:not(.lasso-draft)')).toBeNull();
  });
});
