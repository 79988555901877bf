/**
 * Writes PNGs of every view at 1440 × 900 and 1280 × 720 under docs/screenshots/ (`pnpm
 * screenshots`). It starts the real server on a temporary data folder, imports the reference
 * results of class 0 (cifar10, resnet18) and has the engine train a tiny Original, Retrained and
 * GA model (cifar10-mini, small-cnn, one epoch each), so every view shows real data. Needs
 * `pnpm build:web` first and Debian's Chromium; `--fixtures-only` skips the training.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { buildEngineRecords, ENGINE_SCOPE, importFixtures, openBrowser, ROOT, startServer } from '../e2e/serverHarness.js';

const OUT = path.join(ROOT, 'docs', 'screenshots');
const SIZES = [{ width: 1440, height: 900 }, { width: 1280, height: 720 }];
const FIXTURES = 'd=cifar10&a=resnet18&fc=0';

interface View {
  name: string;
  /** The query string after `/?` (ids of engine records come from `ids`). */
  query(ids: { engineA: string; engineB: string } | null): string | null;
  /** A selector that appears once the view shows its data. */
  ready: string;
}

/** Every view, in README order: adding a view is one line. */
const VIEWS: View[] = [
  { name: 'overview', query: () => `stage=overview&${FIXTURES}&B=ref0-a000`, ready: '[data-testid=overview] svg.scatter .marks > *' },
  { name: 'build', query: () => `stage=build&${FIXTURES}`, ready: '[data-testid=baselines]' },
  { name: 'screen', query: () => `stage=screen&${FIXTURES}&B=ref0-dd2c&pc=1`, ready: '[data-testid=model-table] tbody tr[data-id]' },
  { name: 'contrast', query: () => `stage=contrast&${FIXTURES}&B=ref0-dd2c`, ready: 'svg.scatter .marks > *' },
  { name: 'attack', query: (ids) => (ids ? `stage=attack&d=${ENGINE_SCOPE.dataset}&a=${ENGINE_SCOPE.architecture}&fc=0&A=${ids.engineA}&B=${ids.engineB}&strategy=maxScore` : null), ready: '[data-panel=B] circle.dot' },
  { name: 'attack-reference', query: () => `stage=attack&${FIXTURES}`, ready: '[data-panel=A] circle.dot' },
];

const fixturesOnly = process.argv.includes('--fixtures-only');
const server = await startServer(undefined, { MU_EVALUATION: 'fast' });
const { browser, page } = await openBrowser();
try {
  await importFixtures(server.url);
  let ids: { engineA: string; engineB: string } | null = null;
  if (!fixturesOnly) {
    console.log('training a tiny Original, Retrained and GA model (a few minutes on 2 cores)…');
    const { gaId } = await buildEngineRecords(server.url);
    const rows = (await (await fetch(`${server.url}/api/results?dataset=${ENGINE_SCOPE.dataset}&architecture=${ENGINE_SCOPE.architecture}&forgetClass=0`)).json()) as { id: string; role: string }[];
    ids = { engineA: rows.find((r) => r.role === 'original')!.id, engineB: gaId };
  }
  mkdirSync(OUT, { recursive: true });
  for (const size of SIZES) {
    await page.setViewportSize(size);
    for (const view of VIEWS) {
      const query = view.query(ids);
      if (query === null) continue;
      await page.goto(`${server.url}/?${query}`);
      await page.waitForSelector(view.ready);
      // Let late panels (sprites, the second plot) settle before the picture; the page's event
      // stream never lets the network go idle.
      await page.waitForTimeout(1500);
      const file = path.join(OUT, `${view.name}-${size.width}x${size.height}.png`);
      await page.screenshot({ path: file });
      console.log(`wrote ${path.relative(ROOT, file)}`);
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
