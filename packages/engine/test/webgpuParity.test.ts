import { beforeAll, describe, expect, it } from 'vitest';
import { normalData, relativeError } from '../src/backend/kernels/backendParity.js';
import { probeWebgpuAdapter, startWebgpu } from '../src/backend/webgpu.js';
import { Model } from '../src/models/model.js';
import { createRng } from '../src/random.js';
import { mu } from './fixtures/muCli.js';
import { stepOnBackend, useBackend } from './fixtures/stepOnBackend.js';
import { useSwiftShader } from './fixtures/swiftShader.js';

// The webgpu backend (Dawn on SwiftShader, a software GPU) against wasm with our kernels, on the
// same weights and batch: one SGD step (loss and updated weights) and inference logits.

const swiftShader = useSwiftShader();

describe.skipIf(!swiftShader)('webgpu on SwiftShader vs wasm', () => {
  beforeAll(async () => {
    const probe = await probeWebgpuAdapter();
    if (!probe.found) throw new Error(`no WebGPU adapter: ${probe.reason}`);
    await startWebgpu();
  }, 120_000);

  for (const [architecture, batch] of [['small-cnn', 4], ['resnet18-w8', 2]] as const) {
    it(`${architecture}: one training step gives the same loss and updated weights, then the same logits`, async () => {
      const shape = { architecture, inputChannels: 3, numClasses: 10 };
      const rng = createRng(11);
      await useBackend('wasm');
      const initial = Model.create(shape, rng.fork('init'));
      const values = await initial.values();
      initial.dispose();
      const x = normalData(rng.fork('x'), batch * 32 * 32 * 3);
      const y = Int32Array.from({ length: batch }, (_, i) => (i * 3) % 10);

      const [wasm, webgpu] = [await stepOnBackend('wasm', shape, values, x, y), await stepOnBackend('webgpu', shape, values, x, y)];
      expect(Math.abs(webgpu.loss - wasm.loss) / wasm.loss).toBeLessThan(1e-4);
      const worst = Math.max(...wasm.weights.map((w, i) => relativeError(webgpu.weights[i], w)));
      expect(worst).toBeLessThan(1e-4);
      // The steps really moved the weights, so agreeing on them says something.
      expect(Math.max(...values.map((v, i) => relativeError(wasm.weights[i], v)))).toBeGreaterThan(1e-3);
      expect(relativeError(webgpu.logits, wasm.logits)).toBeLessThan(1e-3);
    }, 300_000);
  }

  it('mu info: a software adapter is used only when asked for, and named', () => {
    const auto = mu(['info'], { MU_BACKEND: 'auto' });
    expect(auto.status).toBe(0);
    expect(auto.stderr).toMatch(/^ {2}webgpu +skipped: only a software adapter \(.*swiftshader.*\); MU_BACKEND=webgpu uses it$/im);
    const named = mu(['info'], { MU_BACKEND: 'webgpu' });
    expect(named.status).toBe(0);
    expect(named.stderr).toMatch(/^backend: webgpu on google swiftshader\S* \(driver SwiftShader driver [\d.]+\)/m);
    expect(named.stderr).toMatch(/^ {2}webgpu +chosen$/m);
  }, 300_000);
});
