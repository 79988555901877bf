import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFixtures, openBrowser, OUT, startServer } from './serverHarness.js';

const PRESET = 'Forget samples still correct in A but not in B';
// dd2c (GA) still gets 16 forget samples right; f48d none; both embed the same 2,000 images.
const A = 'ref0-dd2c';
const B = 'ref0-f48d';
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let page: Page;

interface RecordJson {
  config: { forgetClass: number };
  embedding: { sampleId: string; pred: number[]; trueClass: number[] | null; indices: number[] | null };
}

const getJson = async <T,>(p: string): Promise<T> => {
  const r = await fetch(`${server.url}${p}`);
  if (!r.ok) throw new Error(`GET ${p}: ${r.status}`);
  return r.json() as Promise<T>;
};

/** Image index → true class and prediction of a record, filling a missing sample list from the server. */
async function predictions(id: string): Promise<{ forgetClass: number; byImage: Map<number, { trueClass: number; pred: number }> }> {
  const r = await getJson<RecordJson>(`/api/results/${id}`);
  let { indices, trueClass } = r.embedding;
  if (!indices || !trueClass) {
    const [dataset, name] = r.embedding.sampleId.split('/');
    const sample = await getJson<{ indices: number[]; trueClass: number[] }>(`/api/datasets/${dataset}/samples/${name}`);
    indices ??= sample.indices;
    trueClass ??= sample.trueClass;
  }
  const byImage = new Map(indices.map((img, i) => [img, { trueClass: trueClass![i], pred: r.embedding.pred[i] }]));
  return { forgetClass: r.config.forgetClass, byImage };
}

type Predictions = Awaited<ReturnType<typeof predictions>>;

/** Direct computation of the preset: forget-class images A classifies correctly and B does not (or lacks). */
const keptByAOnly = (pa: Predictions, pb: Predictions): number[] =>
  [...pa.byImage]
    .filter(([img, p]) => p.trueClass === pa.forgetClass && p.pred === pa.forgetClass && pb.byImage.get(img)?.pred !== pa.forgetClass)
    .map(([img]) => img)
    .sort((x, y) => x - y);

const builder = (stage: 'Contrast' | 'Attack') => page.locator(`section[aria-label="${stage}"] section.instance-set`);
const contrast = () => builder('Contrast');

/** The displayed count once it settles on a number. */
async function shownCount(stage: 'Contrast' | 'Attack' = 'Contrast'): Promise<number> {
  const el = builder(stage).locator('[data-testid=instance-set-count]');
  await expect.poll(async () => el.getAttribute('data-count'), { timeout: 20_000 }).toMatch(/^\d+$/);
  return Number(await el.getAttribute('data-count'));
}

beforeAll(async () => {
  server = await startServer();
  await importFixtures(server.url);
  ({ browser, page } = await openBrowser({ acceptDownloads: true }));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('instance-set filters (ui.md §6 item 6)', () => {
  let expected: number[];
  let forgetInSample: number;

  it('the preset’s count and exported indices equal a direct computation from the two records', async () => {
    const [pa, pb] = await Promise.all([predictions(A), predictions(B)]);
    const fc = pa.forgetClass;
    expected = keptByAOnly(pa, pb);
    expect(expected.length).toBeGreaterThan(0);
    forgetInSample = [...pa.byImage.values()].filter((p) => p.trueClass === fc).length;

    await page.goto(`${server.url}/?stage=contrast&d=cifar10&a=resnet18&fc=0&A=${A}&B=${B}`);
    await page.waitForSelector(`.contrast-grid[data-b="${B}"] svg.scatter`);
    const toggle = contrast().getByRole('button', { name: 'Instance Set', exact: true });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    await contrast().getByLabel('Instance-set preset').selectOption({ label: PRESET });
    const count = await shownCount();
    expect(count).toBe(expected.length);
    expect(await contrast().locator('[data-testid=instance-set-count]').textContent()).toBe(`${count} of 2,000 instances`);
    // The builder shows the preset as three rows: forget, correct in A, NOT correct in B.
    expect(await contrast().locator('.is-items > li').count()).toBe(3);
    expect(await contrast().getByLabel('Negate condition 3 (NOT)').isChecked()).toBe(true);
    expect(new URL(page.url()).searchParams.get('set')).toBe('a_f.cA.-cB_');

    const [json] = await Promise.all([page.waitForEvent('download'), contrast().getByRole('button', { name: /as JSON/ }).click()]);
    const exported = JSON.parse(readFileSync(await json.path(), 'utf8')) as { count: number; indexKind: string; indices: number[] };
    expect(exported.count).toBe(expected.length);
    expect(exported.indexKind).toBe('image');
    expect([...exported.indices].sort((x, y) => x - y)).toEqual(expected);

    const [csv] = await Promise.all([page.waitForEvent('download'), contrast().getByRole('button', { name: /as CSV/ }).click()]);
    const lines = readFileSync(await csv.path(), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('image_index,true_class,pred_a,pred_b');
    expect(lines.slice(1).map((l) => Number(l.split(',')[0])).sort((x, y) => x - y)).toEqual(expected);
    for (const l of lines.slice(1)) {
      const [, tc, predA, predB] = l.split(',').map(Number);
      expect([tc, predA]).toEqual([fc, fc]);
      expect(predB).not.toBe(fc);
    }

    // Both scatter plots mark every point's membership, and exactly the set's points are in it.
    const inSet = await page.$$eval('section[aria-label="Contrast"] svg.scatter', (svgs) => svgs.map((s) => ({ any: s.querySelectorAll('[data-in-set]').length, yes: s.querySelectorAll('[data-in-set="true"]').length })));
    expect(inSet).toEqual([{ any: 2000, yes: expected.length }, { any: 2000, yes: expected.length }]);
    await page.screenshot({ path: path.join(OUT, 'instance-sets-contrast.png'), fullPage: true });
  });

  it('the Attack stage’s builder shows the same set', async () => {
    expect(await builder('Attack').locator('[data-testid=instance-set-count]').getAttribute('data-count')).toBe(String(expected.length));
  });

  it('a reload restores the set from the URL', async () => {
    await page.reload();
    await page.waitForSelector(`.contrast-grid[data-b="${B}"] svg.scatter`);
    expect(await shownCount()).toBe(expected.length);
    expect(await contrast().getByRole('button', { name: 'Instance Set', exact: true }).getAttribute('aria-expanded')).toBe('true');
    const preset = contrast().getByLabel('Instance-set preset');
    expect(await preset.evaluate((el: HTMLSelectElement) => el.selectedOptions[0].textContent)).toBe(PRESET);
  });

  it('is operable by keyboard: Clear removes the filter and the `set` parameter', async () => {
    await contrast().getByRole('button', { name: 'Clear' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => contrast().locator('[data-testid=instance-set-count]').textContent()).toBe('No filter (all 2,000 instances)');
    expect(new URL(page.url()).searchParams.has('set')).toBe(false);
    // Add a condition with the keyboard and switch it to "has true class" (default: the forget class).
    await contrast().getByRole('button', { name: '+ Condition' }).focus();
    await page.keyboard.press('Enter');
    await contrast().getByLabel('Condition 1', { exact: true }).selectOption('trueClass');
    expect(await shownCount()).toBe(forgetInSample);
    expect(new URL(page.url()).searchParams.get('set')).toBe('a_t0_');
  });

  it('counts over the union when A and B embed different samples, restored straight from a shared URL', async () => {
    const [pa, pb] = await Promise.all([predictions('ref0-0000'), predictions('ref0-dd2c')]);
    const want = keptByAOnly(pa, pb);
    const union = new Set([...pa.byImage.keys(), ...pb.byImage.keys()]).size;
    expect(union).toBeGreaterThan(2000);
    await page.goto(`${server.url}/?stage=contrast&d=cifar10&a=resnet18&fc=0&A=ref0-0000&B=ref0-dd2c&set=a_f.cA.-cB_`);
    await page.waitForSelector('.contrast-grid[data-b="ref0-dd2c"] svg.scatter');
    expect(await shownCount()).toBe(want.length);
    expect(await contrast().locator('[data-testid=instance-set-count]').textContent()).toBe(`${want.length} of ${union.toLocaleString('en-US')} instances`);
  });

  it('attribution follows the attack: Model A’s forget samples on its side of the current threshold', async () => {
    // Only the Original fixture carries attack values; entropy with the custom threshold 0.5 (grid index 10) splits them.
    const r = await getJson<{ attack: { subset: { entropy: number[]; curves: Record<string, { score: number[] }> } } }>('/api/results/ref0-0000');
    const { entropy, curves } = r.attack.subset;
    const aboveUnlearn = curves.entropyAboveUnlearn.score[10] >= curves.entropyAboveRetrain.score[10];
    const want = entropy.filter((v) => (Math.min(2.5, Math.max(0, v)) >= 0.5) === aboveUnlearn).length;
    expect(want).toBeGreaterThan(0);
    expect(want).toBeLessThan(entropy.length);
    await page.goto(`${server.url}/?stage=attack&d=cifar10&a=resnet18&fc=0&A=ref0-0000&B=ref0-dd2c&t=0.5&set=a_mA_`);
    await page.waitForSelector('[data-panel=A] circle.dot');
    expect(await shownCount('Attack')).toBe(want);
    // The attack grid marks every thumbnail's membership.
    const marks = await page.$$eval('[data-panel=A] .thumb[data-side=model]', (els) => ({ all: els.length, any: els.filter((e) => e.hasAttribute('data-in-set')).length, yes: els.filter((e) => e.getAttribute('data-in-set') === 'true').length }));
    expect(marks.any).toBeGreaterThan(0);
    expect(marks.any).toBe(marks.all);
    expect(marks.yes).toBe(want);
    await page.screenshot({ path: path.join(OUT, 'instance-sets-attack.png'), fullPage: true });
  });
});
