import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFixtures, openBrowser, OUT, startServer } from './serverHarness.js';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let page: Page;

type Rec = {
  id: string;
  references: { retrainedModelId: string | null };
  embedding: { sampleId: string; indices: number[] | null; trueClass: number[] | null; pred: number[]; probs: number[][] };
  attack: { subset: { entropy: number[]; count: number } };
};
const getJson = async <T,>(p: string): Promise<T> => (await fetch(`${server.url}${p}`)).json() as Promise<T>;

/** A record with its sample's indices and labels (the fixtures name their sample instead of storing them). */
async function getRecord(id: string): Promise<Rec & { embedding: { indices: number[]; trueClass: number[] } }> {
  const rec = await getJson<Rec>(`/api/results/${id}`);
  const [dataset, sample] = rec.embedding.sampleId.split('/');
  const s = await getJson<{ indices: number[]; trueClass: number[] }>(`/api/datasets/${dataset}/samples/${sample}`);
  return { ...rec, embedding: { ...rec.embedding, indices: rec.embedding.indices ?? s.indices, trueClass: rec.embedding.trueClass ?? s.trueClass } };
}

/** Embedding positions of the forget-class (0) points: the attack subset, in order. */
const subsetPositions = (r: Rec) => r.embedding.trueClass!.flatMap((c, k) => (c === 0 ? [k] : []));

beforeAll(async () => {
  server = await startServer();
  await importFixtures(server.url);
  ({ browser, page } = await openBrowser());
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The page's image requests (single images and sprite sheets) that finished, as the browser reports them. */
function watchImageRequests(p: Page): { url: string; start: number; end: number }[] {
  const finished: { url: string; start: number; end: number }[] = [];
  p.on('requestfinished', (r) => {
    if (!r.url().includes('/images/') && !r.url().includes('/thumbnails')) return;
    const t = r.timing();
    finished.push({ url: r.url(), start: t.startTime, end: t.startTime + t.responseEnd });
  });
  return finished;
}

/**
 * Waits until every thumbnail of both panels' grids has its picture (an <img> src or a CSS
 * background sprite) fetched, and returns the image requests and the time of the last response
 * since navigation start. Requests are watched through the browser's network events: the page's
 * Resource Timing entries proved unreliable for CSS background images on a fresh clone.
 */
async function gridImagesShown(finished: { url: string; start: number; end: number }[]): Promise<{ images: number; sprites: number; firstRequestMs: number; lastResponseMs: number; thumbs: number }> {
  const thumbUrls = () =>
    page.evaluate(() => [
      ...new Set(
        [...document.querySelectorAll<HTMLElement>('[data-panel] .attack-grid .thumb')].map((t) =>
          t instanceof HTMLImageElement ? t.currentSrc || t.src : new URL(/url\("?(.*?)"?\)/.exec(getComputedStyle(t).backgroundImage)?.[1] ?? '', location.href).href,
        ),
      ),
    ]);
  await expect.poll(async () => {
    const urls = await thumbUrls();
    return urls.length > 0 && urls.every((u) => finished.some((f) => f.url === u));
  }, { timeout: 60_000, interval: 100 }).toBe(true);
  const origin = await page.evaluate(() => performance.timeOrigin);
  return {
    images: finished.filter((f) => f.url.includes('/images/')).length,
    sprites: finished.filter((f) => f.url.includes('/thumbnails')).length,
    firstRequestMs: Math.round(Math.min(...finished.map((f) => f.start)) - origin),
    lastResponseMs: Math.round(Math.max(...finished.map((f) => f.end)) - origin),
    thumbs: await page.$$eval('[data-panel] .attack-grid .thumb', (t) => t.length),
  };
}

describe('attack linking (reference fixtures, Original vs ref0-dd2c)', () => {
  let a: Awaited<ReturnType<typeof getRecord>>;
  let r: Awaited<ReturnType<typeof getRecord>>;
  let classNames: string[];
  /** Training image of each attack sample of A's panel, per side. */
  let images: { model: number[]; retrained: number[] };

  it('draws the grids from one sprite request per panel, and no single-image requests', async () => {
    a = await getRecord('ref0-0000');
    r = await getRecord(a.references.retrainedModelId!);
    ({ classNames } = await getJson<{ classNames: string[] }>('/api/datasets/cifar10'));
    images = { model: subsetPositions(a).map((k) => a.embedding.indices[k]), retrained: subsetPositions(r).map((k) => r.embedding.indices[k]) };
    expect(images.model.length).toBe(a.attack.subset.count);

    const finished = watchImageRequests(page);
    await page.goto(`${server.url}/?stage=attack&d=cifar10&a=resnet18&fc=0&A=ref0-0000&B=ref0-dd2c`);
    await page.waitForSelector('[data-panel=A] circle.dot');
    const shown = await gridImagesShown(finished);
    console.log(`attack grids: ${shown.thumbs} thumbnails, ${shown.images} /images/ requests, ${shown.sprites} /thumbnails requests, first image request at ${shown.firstRequestMs} ms, last image response at ${shown.lastResponseMs} ms after navigation start`);
    // Only A has an attack panel (the unlearned fixtures carry no attack data): 200 + 200 thumbnails.
    expect(shown.thumbs).toBe(a.attack.subset.count + r.attack.subset.count);
    expect(shown.images).toBe(0);
    expect(shown.sprites).toBe(1);
    // Every thumbnail is cut from that one sheet, whose tiles are the panel's images in order.
    const urls = await page.$$eval('[data-panel=A] .attack-grid .thumb', (t) => [...new Set(t.map((x) => getComputedStyle(x).backgroundImage))]);
    expect(urls).toHaveLength(1);
    const indices = new URL(/url\("(.*)"\)/.exec(urls[0])![1]).searchParams.get('indices')!.split(',').map(Number);
    expect(indices).toEqual([...new Set([...images.model, ...images.retrained])]);
    const thumbs = await page.$$eval('[data-panel=A] .attack-grid .thumb', (t) => t.map((x) => ({ side: x.getAttribute('data-side')!, i: Number(x.getAttribute('data-i')), image: Number(x.getAttribute('data-image')), pos: getComputedStyle(x).backgroundPosition })));
    for (const t of thumbs) {
      expect(t.image).toBe(images[t.side as 'model' | 'retrained'][t.i]);
      // 24 px thumbnail (the default), 1.5 px border: 21 px tiles.
      const tile = indices.indexOf(t.image);
      expect(t.pos).toBe(`${-(tile % 16) * 21}px ${-Math.floor(tile / 16) * 21}px`);
    }
  });

  /** Centre of a dot on the page, after scrolling the chart into view. */
  async function dotCentre(side: string, i: number): Promise<{ x: number; y: number }> {
    const dot = page.locator(`[data-panel=A] circle.dot[data-side=${side}][data-i="${i}"]`);
    await dot.scrollIntoViewIfNeeded();
    const box = (await dot.boundingBox())!;
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }

  /** The dots and thumbnails of panel A drawn at full opacity. */
  const opaque = () =>
    page.evaluate(() => {
      const full = (sel: string) => [...document.querySelectorAll(`[data-panel=A] ${sel}`)].filter((e) => getComputedStyle(e).opacity === '1').map((e) => `${e.getAttribute('data-side')}-${e.getAttribute('data-i')}`);
      return { dots: full('circle.dot'), thumbs: full('.attack-grid .thumb') };
    });

  /** A model-side dot well away from the threshold line and its labels. */
  async function pickDot(): Promise<number> {
    return page.$$eval('[data-panel=A] circle.dot[data-side=model]', (dots) => {
      const ty = Number(document.querySelector('[data-panel=A] g.threshold line')!.getAttribute('y1'));
      const d = dots.find((c) => Math.abs(Number(c.getAttribute('cy')) - ty) > 30)!;
      return Number(d.getAttribute('data-i'));
    });
  }

  it('hovering a dot leaves only it opaque, shows its entropy and highlights its thumbnail', async () => {
    const i = await pickDot();
    const at = await dotCentre('model', i);
    // Time from the pointer event to the frame after the panel's link rules changed.
    await page.evaluate(() => {
      const w = window as unknown as { __hover: Promise<number> };
      w.__hover = new Promise((resolve) => {
        let t0 = -1;
        window.addEventListener('pointermove', (e) => (t0 = e.timeStamp), { capture: true, once: true });
        const obs = new MutationObserver(() => (obs.disconnect(), requestAnimationFrame(() => resolve(performance.now() - t0))));
        obs.observe(document.querySelector('[data-panel=A] style')!, { childList: true, characterData: true, subtree: true });
      });
    });
    await page.mouse.move(at.x, at.y);
    console.log(`dot hover to next frame: ${Math.round(await page.evaluate(() => (window as unknown as { __hover: Promise<number> }).__hover))} ms`);
    await page.waitForFunction(() => document.querySelector('[data-panel=A] .dot-label') !== null);
    expect(await opaque()).toEqual({ dots: [`model-${i}`], thumbs: [`model-${i}`] });
    expect(await page.textContent('[data-panel=A] .dot-label')).toBe(`Entropy: ${a.attack.subset.entropy[i].toFixed(3)}`);
    const thumb = page.locator(`[data-panel=A] .thumb[data-side=model][data-i="${i}"]`);
    expect(await thumb.evaluate((t) => getComputedStyle(t).outlineStyle)).toBe('solid');
    expect(Number(await thumb.getAttribute('data-image'))).toBe(images.model[i]);
    await page.mouse.move(5, 5);
    await page.waitForFunction(() => document.querySelector('[data-panel=A] .dot-label') === null);
  });

  it('hovering a thumbnail leaves only it and its dot opaque', async () => {
    const thumb = page.locator('[data-testid=grid-failure-A] .thumb[data-side=retrained]').nth(3);
    const i = Number(await thumb.getAttribute('data-i'));
    await thumb.scrollIntoViewIfNeeded();
    await thumb.hover();
    await page.waitForFunction(() => document.querySelector('[data-panel=A] .dot-label') !== null);
    expect(await opaque()).toEqual({ dots: [`retrained-${i}`], thumbs: [`retrained-${i}`] });
    expect(await page.textContent('[data-panel=A] .dot-label')).toBe(`Entropy: ${r.attack.subset.entropy[i].toFixed(3)}`);
    await page.screenshot({ path: path.join(OUT, 'attack-linking-hover.png'), fullPage: true });
    await page.mouse.move(5, 5);
  });

  it('clicking a dot opens the card with its training image and both models’ predictions', async () => {
    const i = await pickDot();
    const at = await dotCentre('model', i);
    await page.mouse.click(at.x, at.y);
    const card = '[role=dialog][aria-label="Instance details"]';
    const img = await page.waitForSelector(`${card} img`);
    const image = images.model[i];
    expect(await img.getAttribute('alt')).toBe(`training image ${image}`);
    const k = subsetPositions(a)[i];
    const kr = r.embedding.indices.indexOf(image);
    const [pred, retrainedPred] = [a.embedding.pred[k], r.embedding.pred[kr]];
    const name = (c: number) => `${classNames[c]}${c === 0 ? ' (✖)' : ''}`;
    const text = await page.textContent(card);
    expect(text).toContain(`True Class: ${classNames[0]}`);
    expect(text).toContain(`Retrained Model: ${name(retrainedPred)} · Model A: ${name(pred)}`);
    const titles = await page.$$eval(`${card} svg title`, (t) => t.map((x) => x.textContent));
    expect(titles).toContain(`Model A: ${(a.embedding.probs[k][pred] / 1000).toFixed(3)}`);
    expect(titles).toContain(`Retrained Model: ${(r.embedding.probs[kr][retrainedPred] / 1000).toFixed(3)}`);
    await page.waitForFunction((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth === 32, img);
    await page.screenshot({ path: path.join(OUT, 'attack-linking-card.png'), fullPage: true });
    await page.keyboard.press('Escape');
    await page.waitForSelector(card, { state: 'detached' });
  });

  it('the grid is keyboard-operable: arrows move and link, Enter opens the card', async () => {
    const grid = '[data-testid=grid-success-A]';
    await page.focus(`${grid} .thumb[tabindex="0"]`);
    await page.keyboard.press('ArrowRight');
    const focused = await page.evaluate(() => ({ side: document.activeElement!.getAttribute('data-side')!, i: Number(document.activeElement!.getAttribute('data-i')) }));
    const second = await page.$eval(`${grid} .thumb:nth-child(2)`, (t) => ({ side: t.getAttribute('data-side')!, i: Number(t.getAttribute('data-i')) }));
    expect(focused).toEqual(second);
    expect((await opaque()).dots).toEqual([`${focused.side}-${focused.i}`]);
    await page.keyboard.press('Enter');
    const img = await page.waitForSelector('[role=dialog][aria-label="Instance details"] img');
    expect(await img.getAttribute('alt')).toBe(`training image ${images[focused.side as 'model' | 'retrained'][focused.i]}`);
    await page.keyboard.press('Escape');
    await page.waitForSelector('[role=dialog][aria-label="Instance details"]', { state: 'detached' });
  });
});

describe('instance-set emphasis', () => {
  it('fades the dots and thumbnails whose image is outside the set, marking each', async () => {
    // The set "predicted as bird by B" with B the Retrained model, shared through the URL.
    const b = await getRecord('ref0-a000');
    const inSet = new Set(b.embedding.indices.filter((_, k) => b.embedding.pred[k] === 2));
    await page.goto(`${server.url}/?stage=attack&d=cifar10&a=resnet18&fc=0&A=ref0-0000&B=ref0-a000&set=a_pB2_`);
    await page.waitForSelector('[data-panel=A] circle.dot[data-in-set]');
    for (const sel of ['circle.dot', '.attack-grid .thumb']) {
      const marks = await page.$$eval(`[data-panel=A] ${sel}`, (m) => m.map((e) => ({ image: Number(e.getAttribute('data-image')), inSet: e.getAttribute('data-in-set'), opacity: getComputedStyle(e).opacity })));
      expect(marks.length).toBe(400);
      const outside = marks.filter((m) => !inSet.has(m.image));
      expect(outside.length).toBeGreaterThan(0);
      expect(outside.length).toBeLessThan(400);
      for (const m of marks) expect(m.inSet).toBe(String(inSet.has(m.image)));
      for (const m of outside) expect(m.opacity).toBe('0.3');
    }
    await page.screenshot({ path: path.join(OUT, 'attack-linking-set.png'), fullPage: true });
  });
});
