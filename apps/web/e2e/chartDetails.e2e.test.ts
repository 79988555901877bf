import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFixtures, openBrowser, OUT, startServer } from './serverHarness.js';

/** Issue 11, items 4, 5, 7, 9 and 10, on the reference fixtures of class 0 (cifar10, resnet18). */
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let page: Page;
const SCOPE = 'd=cifar10&a=resnet18&fc=0';
type Box = { x: number; y: number; width: number; height: number };

beforeAll(async () => {
  server = await startServer();
  await importFixtures(server.url);
  ({ browser, page } = await openBrowser());
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const thresholdA = async () => Number(await page.getAttribute('[data-panel=A] g.threshold', 'aria-valuenow'));
const fieldA = async () => Number(await page.inputValue('input[aria-label="Threshold for Model A"]'));

/** The threshold line of panel A in page pixels, and the chart's metric scale read from its tick labels. */
async function lineAndScale(): Promise<{ lineY: number; x: number; valueAt(pageY: number): number }> {
  const r = await page.$eval('[data-panel=A] g.threshold line', (l) => {
    const b = l.getBoundingClientRect();
    const ticks = [...(l as SVGLineElement).ownerSVGElement!.querySelectorAll('text.tick')].filter((t) => /^(0|2)$/.test(t.textContent!) && Number(t.getAttribute('x')) === 34);
    const ys = ticks.map((t) => ({ v: Number(t.textContent), y: t.getBoundingClientRect().y + t.getBoundingClientRect().height / 2 }));
    return { lineY: b.y + b.height / 2, x: b.x + 120, ys };
  });
  const [p, q] = r.ys;
  return { lineY: r.lineY, x: r.x, valueAt: (y) => p.v + ((y - p.y) * (q.v - p.v)) / (q.y - p.y) };
}

describe('attack threshold (item 4)', () => {
  it('a fast mouse drag follows the pointer, selects no text, and the field shows the threshold', async () => {
    await page.goto(`${server.url}/?stage=attack&${SCOPE}&A=ref0-0000&B=ref0-a000`);
    await page.waitForSelector('[data-panel=A] circle.dot');
    expect(await thresholdA()).toBeCloseTo(1.25, 6);
    const { lineY, x, valueAt } = await lineAndScale();
    await page.mouse.move(x, lineY);
    await page.mouse.down();
    // One jump of 150 px: far outside the line's 10 px grab band.
    await page.mouse.move(x, lineY + 150, { steps: 2 });
    await page.mouse.up();
    const expected = Math.round(valueAt(lineY + 150) / 0.05) * 0.05;
    await expect.poll(thresholdA).toBeCloseTo(expected, 6);
    expect(expected).toBeLessThan(0.8);
    expect(await fieldA()).toBeCloseTo(expected, 6);
    expect(await page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe('');
    // A drag back up, in many small moves, ends where the pointer is.
    const now = await lineAndScale();
    await page.mouse.move(x, now.lineY);
    await page.mouse.down();
    await page.mouse.move(x + 40, now.lineY - 200, { steps: 12 });
    await page.mouse.up();
    await expect.poll(thresholdA).toBeCloseTo(Math.round(now.valueAt(now.lineY - 200) / 0.05) * 0.05, 6);
    expect(await fieldA()).toBeCloseTo(await thresholdA(), 6);
  });

  it('under Max Attack Score the field shows the threshold the chart uses (the merged curve’s argmax)', async () => {
    await page.click('[aria-label="Threshold strategy"] >> text=Max Attack Score');
    const rec = (await (await fetch(`${server.url}/api/results/ref0-0000`)).json()) as { attack: { subset: { curves: { entropyAboveUnlearn: { score: number[] }; entropyAboveRetrain: { score: number[] } } } } };
    const { entropyAboveUnlearn: up, entropyAboveRetrain: down } = rec.attack.subset.curves;
    const merged = up.score.map((s, i) => Math.max(s, down.score[i]));
    const best = merged.indexOf(Math.max(...merged)) * 0.05;
    await expect.poll(thresholdA).toBeCloseTo(best, 6);
    expect(await fieldA()).toBeCloseTo(best, 6);
    const { lineY, valueAt } = await lineAndScale();
    expect(valueAt(lineY)).toBeCloseTo(best, 1);
    // Typing a threshold switches to Custom and moves the line.
    await page.fill('input[aria-label="Threshold for Model A"]', '0.3');
    await expect.poll(thresholdA).toBeCloseTo(0.3, 6);
    expect(await page.getAttribute('[aria-label="Threshold strategy"] >> text=Custom Threshold', 'aria-checked')).toBe('true');
  });
});

describe('legends (item 5) and chart details (item 9)', () => {
  it('Attack: the three curves with their values, the four dot shades, 24 px thumbnails, the info below the curves', async () => {
    const legend = await page.textContent('[data-panel=A] svg.chart');
    for (const t of ['Attack Score: ', 'FPR: ', 'FNR: ', 'Threshold: ', 'From Retrained · Pred. Retrained', 'From Retrained · Pred. Model A', 'From Model A · Pred. Retrained', 'From Model A · Pred. Model A']) expect(legend).toContain(t);
    const boxes = await page.$eval('[data-panel=A] svg.chart', (svg) => {
      const box = (e: Element) => e.getBoundingClientRect();
      return { info: box(svg.querySelector('.info')!), curves: [...svg.querySelectorAll('path[data-curve]')].map(box) };
    });
    expect(boxes.curves).toHaveLength(3);
    for (const c of boxes.curves) expect(boxes.info.top).toBeGreaterThanOrEqual(c.bottom);
    const thumb = await page.$eval('[data-panel=A] .attack-grid .thumb', (t) => t.getBoundingClientRect().width);
    expect(thumb).toBe(24);
  });

  it('Contrast: embedding legend, matrix legend and axis titles, no label cut, matrices fill their halves, CKA fitted and labelled without overlap', async () => {
    await page.goto(`${server.url}/?stage=contrast&${SCOPE}&A=ref0-0000&B=ref0-dd2c`);
    await page.waitForSelector('svg.scatter .marks > *');
    const emb = await page.textContent('svg.embedding-legend');
    for (const t of ['True Class', 'Retain', 'Forget', 'Predicted Class', 'airplane (✖)', 'automobile', 'truck', 'Highlight: All']) expect(emb).toContain(t);
    await page.click('[aria-label=Highlight] >> text=Not Forgotten');
    expect(await page.textContent('svg.embedding-legend')).toContain('forget-class instances still predicted as the forget class');
    expect(await page.textContent('svg.matrix-legend')).toContain('Row Proportion');
    expect(await page.textContent('svg.matrix-legend')).toContain('Row Confidence');
    const matrices = page.locator('[data-chart=prediction-matrix] .twin svg.chart');
    expect(await matrices.count()).toBe(2);
    expect(await matrices.nth(0).textContent()).toContain('True Class');
    expect(await matrices.nth(1).textContent()).toContain('Predicted Class');
    const fit = await page.$$eval('[data-chart=prediction-matrix] .twin svg.chart', (svgs) =>
      svgs.map((svg) => {
        const s = svg.getBoundingClientRect();
        const inside = [...svg.querySelectorAll('text')].every((t) => {
          const b = t.getBoundingClientRect();
          return b.left >= s.left - 0.5 && b.right <= s.right + 0.5 && b.top >= s.top - 0.5 && b.bottom <= s.bottom + 0.5;
        });
        return { inside, width: s.width, half: svg.parentElement!.getBoundingClientRect().width / 2 };
      }),
    );
    for (const m of fit) {
      expect(m.inside).toBe(true);
      expect(m.width).toBeGreaterThan(0.75 * m.half);
    }
    await page.click('[aria-label="Matrix mode"] >> text=Bubbles');
    expect(await page.textContent('svg.matrix-legend')).toContain('Small → Large Proportion');
    const cka = await page.$eval('[data-chart=cka] svg.chart', (svg) => {
      const labels = [...svg.querySelectorAll('text.end-label')].map((t) => t.getBoundingClientRect());
      const marks = [...svg.querySelectorAll('g[data-series] circle, g[data-series] path:not(:first-child)')].map((m) => m.getBoundingClientRect());
      const grid = [...svg.querySelectorAll('line[stroke="#EFEFEF"]')].map((l) => l.getBoundingClientRect().y);
      return { labels, top: Math.min(...marks.map((m) => m.y)), bottom: Math.max(...marks.map((m) => m.bottom)), gridSpan: Math.max(...grid) - Math.min(...grid) };
    });
    expect(cka.labels).toHaveLength(4);
    for (let i = 0; i < cka.labels.length; i++)
      for (let j = i + 1; j < cka.labels.length; j++) {
        const [p, q] = [cka.labels[i], cka.labels[j]];
        expect(p.bottom <= q.top + 0.5 || q.bottom <= p.top + 0.5, `end labels ${i} and ${j} overlap`).toBe(true);
      }
    // The data fill most of the value axis (fitted, not a fixed 0–1).
    expect(cka.bottom - cka.top).toBeGreaterThan(0.75 * cka.gridSpan);
  });

  it('Screen: parallel coordinates show a constant axis as its one value and emphasise A and B', async () => {
    await page.goto(`${server.url}/?stage=screen&${SCOPE}&A=ref0-0000&B=ref0-dd2c&pc=1`);
    await page.waitForSelector('svg.parallel path[data-id]');
    // Every fixture has seed 2048: one tick, no invented 2047 or 2049.
    expect(await page.$$eval('svg.parallel g[data-axis=seed] > text.tick', (t) => t.map((x) => x.textContent))).toEqual(['2048']);
    expect(await page.getAttribute('svg.parallel path[data-id="ref0-0000"]', 'data-picked')).toBe('A');
    expect(await page.getAttribute('svg.parallel path[data-id="ref0-dd2c"]', 'stroke-width')).toBe('3.5');
    expect(await page.$$eval('svg.parallel .picked text', (t) => t.map((x) => x.textContent))).toEqual(['A', 'B']);
  });
});

describe('instance-set scope (item 7)', () => {
  it('a set that matches nothing says so and dims nothing', async () => {
    await page.goto(`${server.url}/?stage=contrast&${SCOPE}&A=ref0-0000&B=ref0-dd2c&set=a_f.r_`);
    await page.waitForSelector('[data-testid=set-empty-embedding]');
    expect(await page.textContent('[data-testid=set-empty-embedding]')).toMatch(/matches none of the [\d,]+ points of A and B — nothing is emphasised/);
    expect(await page.$$eval('svg.scatter [data-in-set]', (m) => m.length)).toBe(0);
  });

  it('a set of retain samples emphasises them in the embeddings, and the Attack panel (forget samples only) says it matches none there', async () => {
    await page.goto(`${server.url}/?stage=attack&${SCOPE}&A=ref0-0000&B=ref0-a000&set=a_r_`);
    await page.waitForSelector('[data-panel=A] circle.dot');
    await page.waitForSelector('[data-testid=set-empty-A]');
    expect(await page.textContent('[data-testid=set-empty-A]')).toContain('matches none of the 400 attack samples of this panel');
    expect(await page.$$eval('[data-panel=A] [data-in-set]', (d) => d.length)).toBe(0);
    const opacities = await page.$$eval('[data-panel=A] circle.dot', (d) => new Set(d.map((c) => getComputedStyle(c).opacity)).size);
    expect(opacities).toBeLessThanOrEqual(2); // attribution shades only (1 and 0.3), no set fading on top
    await page.click('nav[aria-label=Stages] >> text=Contrast');
    await page.waitForSelector('svg.scatter [data-in-set="true"]');
    expect(await page.$$eval('[data-testid=set-empty-embedding]', (e) => e.length)).toBe(0);
  });
});

/** Width and height of a PNG file from its IHDR chunk. */
const pngSize = (file: string) => {
  const b = readFileSync(file);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
};

describe('paper exports (item 10)', () => {
  it('a panel exports as one SVG with its title, both captions and its legend, and as a PNG at 2×', async () => {
    await page.goto(`${server.url}/?stage=contrast&${SCOPE}&A=ref0-0000&B=ref0-dd2c`);
    await page.waitForSelector('[data-chart=prediction-matrix] svg.matrix-legend');
    const [svgDl] = await Promise.all([page.waitForEvent('download'), page.click('button[aria-label="Download Prediction Matrix as SVG"]')]);
    const svgFile = path.join(OUT, 'export-prediction-matrix.svg');
    await svgDl.saveAs(svgFile);
    const svg = readFileSync(svgFile, 'utf8');
    for (const t of ['>Prediction Matrix<', 'Model A (Original, ref0-0000)', 'Model B (Unlearned, ref0-dd2c)', 'Row ', 'Proportion', 'Confidence', 'True Class', 'Predicted Class']) expect(svg).toContain(t);
    // The theme's model colours carry into the captions.
    expect(svg).toContain('fill:#0D815B');
    const [w, h] = [/width="(\d+)"/.exec(svg)![1], /height="(\d+)"/.exec(svg)![1]].map(Number);
    const [pngDl] = await Promise.all([page.waitForEvent('download'), page.click('button[aria-label="Download Prediction Matrix as PNG"]')]);
    const pngFile = path.join(OUT, 'export-prediction-matrix.png');
    await pngDl.saveAs(pngFile);
    expect(pngSize(pngFile)).toEqual({ width: 2 * w, height: 2 * h });
  });

  it('in the colour-vision-safe theme, an Attack panel exports with the Retrained caption, its legend and the theme’s colours', async () => {
    await page.goto(`${server.url}/?stage=attack&${SCOPE}&A=ref0-0000&B=ref0-a000`);
    await page.waitForSelector('[data-panel=A] circle.dot');
    await page.check('text=CVD-safe colours');
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('button[aria-label="Download Retrained Model (ref0-a000) vs. Model A as SVG"]')]);
    const file = path.join(OUT, 'export-attack-A.svg');
    await dl.saveAs(file);
    const svg = readFileSync(file, 'utf8');
    for (const t of ['Retrained Model (ref0-a000)', 'Model A (Original, ref0-0000)', 'Attack Score: ', 'From Model A · Pred. Retrained']) expect(svg).toContain(t);
    expect(svg).toContain('fill:#004C77');
    expect(svg).toContain('fill="#0072B2"');
    await page.uncheck('text=CVD-safe colours');
  });
});
