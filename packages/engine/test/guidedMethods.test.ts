import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchOptions, DataSource } from '../src/data/dataSource.js';
import { baseModel, meanCrossEntropy, setUpBackend, sources, testRun, trainableValues } from '../src/methods/methodTestKit.js';
import type { UnlearnMethod } from '../src/methods/types.js';
import type { Model } from '../src/models/model.js';
import gaFt from '../../../methods/gaFt.js';
import gaSlFt from '../../../methods/gaSlFt.js';
import gaSlFtV2 from '../../../methods/gaSlFtV2.js';
import { secondLogitLabels } from '../../../methods/guided/guidedUnlearning.js';

let base: Model;
beforeAll(async () => {
  await setUpBackend();
  base = await baseModel(true);
});
afterAll(() => base.dispose());

/** A source that logs its name for every batch it yields, and runs `before` ahead of its first batch of each pass. */
function logged(source: DataSource, name: string, log: string[], before?: () => Promise<void>): DataSource {
  return {
    size: source.size,
    async *batches(options: BatchOptions) {
      let first = true;
      for await (const batch of source.batches(options)) {
        if (first && before) await before();
        first = false;
        log.push(name);
        yield batch;
      }
    },
  };
}

/** Consecutive repeats collapsed: ['a', 'a', 'b'] → [['a', 2], ['b', 1]]. */
function stages(log: string[]): [string, number][] {
  const out: [string, number][] = [];
  for (const name of log) {
    if (out.at(-1)?.[0] === name) out.at(-1)![1]++;
    else out.push([name, 1]);
  }
  return out;
}

const SMALL = { epochs: 1, batchSize: 4, lr: 0.01, gaBatchRatio: 2 };

async function runLogged(method: UnlearnMethod, params: Record<string, unknown>) {
  const run = await testRun(method, base, params);
  const log: string[] = [];
  run.ctx.forget = logged(run.ctx.forget, 'forget', log);
  run.ctx.retain = logged(run.ctx.retain, 'retain', log);
  const before = await trainableValues(run.ctx.model);
  await method.unlearn(run.ctx);
  const after = await trainableValues(run.ctx.model);
  return { run, log, before, after };
}

describe('guided methods (methods.md §5.9)', () => {
  it('carry the ids the importer gives the reference results', () => {
    expect([gaFt, gaSlFt, gaSlFtV2].map((m) => m.descriptor.id)).toEqual(['ref-ga-ft', 'ref-ga-sl-ft', 'ref-ga-sl-ft-v2']);
  });

  it('GA+FT: re-initialise, warm-up on retain, then ascent on forget (one batch of 4 × 2) and fine-tuning on retain', async () => {
    const { run, log, after } = await runLogged(gaFt, { ...SMALL, reinitLastK: 1 });
    // 7 forget images in one ascent batch of 8; 57 retain images in 14 batches of 4 (the last one of 1 skipped)
    expect(stages(log)).toEqual([['retain', 14], ['forget', 1], ['retain', 14]]);
    expect(run.messages).toEqual(['re-initialised fc']);
    expect(run.epochs.map((e) => [e.done, e.total])).toEqual([[1, 2], [2, 2]]);
    expect(after.every((v) => v.every(Number.isFinite))).toBe(true);
    run.dispose();
  });

  it('GA+FT without re-initialisation has no warm-up, and its forgetting stage raises the forget loss', async () => {
    const run = await testRun(gaFt, base, { ...SMALL, reinitLastK: 0, lr: 0.5, gaLrRatio: 1 });
    const { forget } = sources();
    const initial = await meanCrossEntropy(run.ctx.model, forget);
    let afterAscent = Number.NaN;
    const log: string[] = [];
    run.ctx.forget = logged(run.ctx.forget, 'forget', log);
    run.ctx.retain = logged(run.ctx.retain, 'retain', log, async () => {
      afterAscent = await meanCrossEntropy(run.ctx.model, forget);
    });
    await gaFt.unlearn(run.ctx);
    expect(stages(log)).toEqual([['forget', 1], ['retain', 14]]);
    expect(run.messages).toEqual([]);
    expect(afterAscent).toBeGreaterThan(initial + 0.5);
    run.dispose();
  });

  it('GA+SL+FT: second-logit labels from the base model, then warm-up, ascent, second-logit fine-tuning, fine-tuning', async () => {
    const { run, log } = await runLogged(gaSlFt, { ...SMALL, reinitLastK: 2 });
    // labels (1 unshuffled batch), warm-up, ascent (1 batch of 8) + SL (2 batches of 4), retain
    expect(stages(log)).toEqual([['forget', 1], ['retain', 14], ['forget', 3], ['retain', 14]]);
    expect(run.messages).toEqual(['re-initialised block3, fc']);
    run.dispose();
  });

  it('GA+SL+FT V2: the recovery stage mixes retain and relabelled forget images in one pass', async () => {
    const { run, log, before, after } = await runLogged(gaSlFtV2, { ...SMALL, reinitLastK: 1 });
    const s = stages(log);
    expect(s.slice(0, 3)).toEqual([['forget', 1], ['retain', 14], ['forget', 1]]);
    const recovery = log.slice(16);
    expect(recovery.filter((n) => n === 'forget').length).toBeGreaterThan(0);
    expect(recovery.filter((n) => n === 'retain').length).toBeGreaterThan(0);
    expect(after.some((v, i) => v.some((x, j) => x !== before[i][j]))).toBe(true);
    run.dispose();
  });

  it('second-logit labels are each forget image’s second most likely class under the base model', async () => {
    const run = await testRun(gaSlFt, base, SMALL);
    const labels = await secondLogitLabels(run.ctx);
    const { forget } = sources();
    for await (const { x, y, index } of forget.batches({ batchSize: 64, shuffle: false })) {
      const logits = (await base.predict(x).array()) as number[][];
      logits.forEach((row, k) => {
        const order = row.map((v, c) => [v, c]).sort((a, b) => b[0] - a[0]);
        expect(labels.get(index[k])).toBe(order[1][1]);
      });
      x.dispose();
      y.dispose();
    }
    expect(labels.size).toBe(7);
    run.dispose();
  });
});
