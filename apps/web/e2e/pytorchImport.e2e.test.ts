import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickleCalling, pthAround } from '../../../packages/engine/test/fixtures/craftedPickles.js';
import { pytorchFixtureDir } from '../../../packages/engine/test/fixtures/pytorchFixture.js';
import { finished, openBrowser, OUT, startServer } from './serverHarness.js';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer(undefined, { MU_EVALUATION: 'fast' });
  ({ browser, page } = await openBrowser());
  await page.goto(`${server.url}/?stage=build&d=cifar10-mini&a=small-cnn&fc=3`);
  await page.waitForSelector('[aria-label="PyTorch weights"]');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Drops a file on the PyTorch drop zone as a browser drag and drop does. */
async function drop(name: string, bytes: Uint8Array): Promise<void> {
  await page.evaluate(
    ({ name, base64 }) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], name));
      const zone = document.querySelector('[aria-label="PyTorch weights"]')!;
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    { name, base64: Buffer.from(bytes).toString('base64') },
  );
}

const status = () => page.locator('[data-testid=pytorch-import-status]');
const jobOf = async () => /job ([0-9a-f]{8})/.exec((await status().textContent()) ?? '')![1];

describe('PyTorch weights in the Build stage and out of the row menu (cifar10-mini, small-cnn, class 3)', () => {
  it('a dropped .pth becomes an Original through an import job; a malicious pickle is refused with its reason', async () => {
    await page.selectOption('select[aria-label="Import as"]', 'original');
    await drop('small-cnn.pth', readFileSync(path.join(pytorchFixtureDir, 'small-cnn.pth')));
    await expect.poll(() => status().textContent(), { timeout: 60_000 }).toMatch(/^Importing small-cnn\.pth: job [0-9a-f]{8}$/);
    const job = await finished(server.url, await jobOf());
    expect(job.checkpointIds).toHaveLength(1);
    await expect.poll(() => page.locator('[aria-label="Job queue"]').textContent(), { timeout: 30_000 }).toContain('Import · small-cnn.pth · original');

    await drop('evil.pth', pthAround(pickleCalling('os', 'system', 'touch /tmp/evil')));
    await expect.poll(() => status().textContent(), { timeout: 30_000 }).toContain('pickle refers to os.system, which a state dict never needs');
    expect(await status().getAttribute('role')).toBe('alert');
  }, 300_000);

  it('an unlearned .safetensors is evaluated for class 3; its row menu downloads .pth and .safetensors', async () => {
    await page.selectOption('select[aria-label="Import as"]', 'unlearned');
    await page.setInputFiles('input[aria-label="PyTorch weights file"]', path.join(pytorchFixtureDir, 'small-cnn.safetensors'));
    await expect.poll(() => status().textContent(), { timeout: 60_000 }).toMatch(/^Importing small-cnn\.safetensors: job/);
    const job = await finished(server.url, await jobOf());
    expect(job.resultIds).toHaveLength(1);

    await page.goto(`${server.url}/?stage=screen&d=cifar10-mini&a=small-cnn&fc=3`);
    const row = page.locator(`[data-testid=model-table] tbody tr[data-id="${job.resultIds[0]}"]`);
    await row.waitFor({ timeout: 60_000 });
    await row.locator('button[aria-haspopup=menu]').click();
    const links = page.locator('[role=menu] a[role=menuitem]', { hasText: 'Download weights (' });
    expect(await links.allTextContents()).toEqual(['Download weights (PyTorch .pth)', 'Download weights (.safetensors)']);
    for (const [i, format] of ['pth', 'safetensors'].entries()) {
      const href = await links.nth(i).getAttribute('href');
      expect(href).toBe(`/api/checkpoints/${job.checkpointIds[0]}/weights?format=${format}`);
      const r = await fetch(server.url + href!);
      expect(r.status).toBe(200);
      expect((await r.arrayBuffer()).byteLength).toBeGreaterThan(370_000);
    }
    await page.screenshot({ path: path.join(OUT, 'pytorch-import.png') });
  }, 300_000);
});
