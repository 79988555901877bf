/**
 * Parity of a GPU backend against wasm on a fixed batch: one SGD step of resnet18-w16 (loss,
 * updated weights) and the logits after it, from the same seeded weights and images.
 *
 *   node --import tsx packages/engine/bench/gpuParity.ts --backend webgpu [--arch resnet18-w16] [--batch 8]
 *
 * Prints the adapter, both losses and the relative errors; exits 1 when they exceed 1e-3
 * (float32 reductions in another order differ around 1e-6).
 */
import { parseArgs } from 'node:util';
import { normalData, relativeError } from '../src/backend/kernels/backendParity.js';
import { initBackend } from '../src/backend/selectBackend.js';
import { Model } from '../src/models/model.js';
import { createRng } from '../src/random.js';
import { stepOnBackend, useBackend } from '../test/fixtures/stepOnBackend.js';

const { values: args } = parseArgs({
  options: { backend: { type: 'string', default: 'webgpu' }, arch: { type: 'string', default: 'resnet18-w16' }, batch: { type: 'string', default: '8' } },
});
const batch = Number(args.batch);
const backend = await initBackend({ backend: args.backend });
const adapter = backend.adapter ? `${backend.adapter.vendor ?? '–'} ${backend.adapter.name ?? '–'} (driver ${backend.adapter.driver ?? '–'})` : '– (not named by this backend)';
console.log(`backend ${backend.name}; adapter ${adapter}`);

const shape = { architecture: args.arch, inputChannels: 3, numClasses: 10 };
const rng = createRng(2048);
const initial = Model.create(shape, rng.fork('init'));
const start = await initial.values();
initial.dispose();
const x = normalData(rng.fork('x'), batch * 32 * 32 * 3);
const y = Int32Array.from({ length: batch }, (_, i) => i % 10);

const gpu = await stepOnBackend(backend.name, shape, start, x, y);
await useBackend('wasm');
const wasm = await stepOnBackend('wasm', shape, start, x, y);
const errors = {
  loss: Math.abs(gpu.loss - wasm.loss) / Math.abs(wasm.loss),
  weights: Math.max(...wasm.weights.map((w, i) => relativeError(gpu.weights[i], w))),
  logits: relativeError(gpu.logits, wasm.logits),
};
console.log(`${args.arch}, batch ${batch}: loss ${backend.name} ${gpu.loss.toFixed(6)} vs wasm ${wasm.loss.toFixed(6)}`);
console.log(`relative error: loss ${errors.loss.toExponential(2)}, updated weights ${errors.weights.toExponential(2)}, logits ${errors.logits.toExponential(2)}`);
const ok = Object.values(errors).every((e) => e < 1e-3);
console.log(ok ? 'parity: ok' : 'parity: FAILED (relative error above 1e-3)');
process.exit(ok ? 0 : 1);
