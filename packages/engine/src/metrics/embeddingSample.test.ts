import { describe, expect, it } from 'vitest';
import { sharedUpstreamFixture, upstreamFixturesMissing } from '../../test/fixtures/upstreamResults.js';
import { createRng } from '../random.js';
import { CIFAR10_REFERENCE_SAMPLE } from './cifar10ReferenceSample.js';
import { embeddingSample, seededEmbeddingSample } from './embeddingSample.js';

describe('embeddingSample for cifar10', () => {
  it('is the reference list and passes the checks of metrics.md §5', () => {
    const s = embeddingSample('cifar10', [], 10);
    expect(s.sampleId).toBe('cifar10/reference-2000');
    const idx = s.indices;
    expect(idx).toHaveLength(2000);
    expect(idx.slice(0, 5)).toEqual([11356, 35195, 47227, 5414, 38772]);
    expect(idx.slice(200, 205)).toEqual([3744, 38175, 9744, 26298, 25608]);
    expect(idx.slice(-3)).toEqual([29224, 21290, 13662]);
    expect(idx.reduce((a, b) => a + b, 0)).toBe(50_391_812);
    expect(new Set(idx).size).toBe(2000);
    expect(idx.every((i) => Number.isInteger(i) && i >= 0 && i < 50_000)).toBe(true);
  });

  it('returns a copy that callers cannot use to change the constant', () => {
    embeddingSample('cifar10', [], 10).indices[0] = -1;
    expect(CIFAR10_REFERENCE_SAMPLE[0]).toBe(11356);
    expect(Object.isFrozen(CIFAR10_REFERENCE_SAMPLE)).toBe(true);
  });

  it.skipIf(upstreamFixturesMissing())('equals points[k][2] of 0/0000.json, block k of class k only', () => {
    const points = sharedUpstreamFixture('0000.json').points as [number, number, number][];
    expect(points.map((p) => p[2])).toEqual([...CIFAR10_REFERENCE_SAMPLE]);
    points.forEach((p, k) => expect(p[0]).toBe(Math.floor(k / 200)));
  });
});

describe('seededEmbeddingSample', () => {
  const labels = Array.from({ length: 3000 }, (_, i) => (i * 7) % 10);

  it('takes 200 per class, class by class, each from its own class', () => {
    const s = embeddingSample('fashion-mnist', labels, 10);
    expect(s.sampleId).toBe('fashion-mnist/seeded-2048-200');
    expect(s.indices).toHaveLength(2000);
    s.indices.forEach((i, k) => expect(labels[i]).toBe(Math.floor(k / 200)));
    expect(new Set(s.indices).size).toBe(2000);
  });

  it('is the spec rule: one embedding-sample stream of seed 2048 shuffling each class in turn', () => {
    const rng = createRng(2048).fork('embedding-sample');
    const expected: number[] = [];
    for (let c = 0; c < 10; c++) {
      const ofClass = labels.flatMap((l, i) => (l === c ? [i] : []));
      expected.push(...rng.shuffle(ofClass).slice(0, 200));
    }
    expect(seededEmbeddingSample(labels, 10)).toEqual(expected);
    expect(seededEmbeddingSample(labels, 10)).toEqual(expected);
  });

  it('keeps all images of a class with fewer than 200 and skips an empty class', () => {
    const small = [0, 0, 0, 2, 2];
    const s = seededEmbeddingSample(small, 3);
    expect(s.slice(0, 3).sort()).toEqual([0, 1, 2]);
    expect(s.slice(3).sort()).toEqual([3, 4]);
  });

  it('rejects labels out of range', () => {
    expect(() => seededEmbeddingSample([0, 10], 10)).toThrow('invalid label at 1: 10');
  });
});
