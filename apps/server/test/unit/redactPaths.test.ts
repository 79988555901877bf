import { describe, expect, it } from 'vitest';
import { redactPaths } from '../../src/http/redactPaths.js';

describe('redactPaths', () => {
  it('cuts absolute paths to their last segment', () => {
    expect(redactPaths("ENOENT: no such file or directory, open '/srv/mu/.data/checkpoints/ab12cd34.weights.bin'")).toBe(
      "ENOENT: no such file or directory, open 'ab12cd34.weights.bin'",
    );
    expect(redactPaths('cifar10 missing in /usr/share/datasets/cifar10/ (data_batch_1.bin)')).toBe('cifar10 missing in cifar10 (data_batch_1.bin)');
    expect(redactPaths('cannot load file:///home/me/methods/x.ts: bad export')).toBe('cannot load x.ts: bad export');
    expect(redactPaths('EACCES: C:\\Users\\me\\mu\\mu.sqlite')).toBe('EACCES: mu.sqlite');
    expect(redactPaths('see ~/mu/.data/mu.sqlite')).toBe('see mu.sqlite');
  });

  it('cuts relative paths that climb or start at the current folder', () => {
    expect(redactPaths('unknown method: ../../etc/passwd')).toBe('unknown method: passwd');
    expect(redactPaths('read ./staging/ab12cd34/x.json failed')).toBe('read x.json failed');
  });

  it('leaves media types, ratios, single-segment routes and plain text alone', () => {
    for (const text of [
      'unsupported content type text/plain (expected application/json)',
      'expected a multipart/form-data upload',
      'no Original model for cifar10-mini / small-cnn',
      "the API's routes are listed at /docs",
      'lr must be in (0, 1) (got 2)',
      'image index 1000 is out of range (0..999)',
    ]) {
      expect(redactPaths(text)).toBe(text);
    }
  });
});
