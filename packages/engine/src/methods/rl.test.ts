import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../models/model.js';
import { baseModel, setUpBackend, testRun, trainableValues } from './methodTestKit.js';
import rl from './rl.js';

let base: Model;
beforeAll(async () => {
  await setUpBackend();
  base = await baseModel();
});
afterAll(() => base.dispose());

const runRl = async (seed: number) => {
  const run = await testRun(rl, base, { epochs: 1, batchSize: 16, lr: 0.01 }, { seed });
  await rl.unlearn(run.ctx);
  const values = await trainableValues(run.ctx.model);
  const visited = { forget: [...run.forget.visited], retain: [...run.retain.visited] };
  run.dispose();
  return { values, visited };
};

describe('rl', () => {
  it('visits retain ∪ forget once per epoch and is reproducible from the seed', async () => {
    const a = await runRl(2048);
    expect(a.visited.forget.sort((x, y) => x - y)).toEqual([3, 13, 23, 33, 43, 53, 63]);
    expect(a.visited.retain).toHaveLength(57);
    const b = await runRl(2048);
    expect(b.values).toEqual(a.values);
    const c = await runRl(7);
    expect(c.values).not.toEqual(a.values);
  });
});
