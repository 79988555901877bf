import { readFileSync } from 'node:fs';
import path from 'node:path';
import { upstreamFixturesDir } from '../../../../test-support/sharedData.js';

/** The reference-system result files of forget class 0 in the shared folder. */
export const fixtureDir = upstreamFixturesDir(0);

export const FIXTURE_FILES = ['0000.json', 'a000.json', 'f48d.json', 'dd2c.json', '3736.json'] as const;

export function fixture(name: string): string {
  return readFileSync(path.join(fixtureDir, name), 'utf8');
}

export function fixtureUploads(names: readonly string[] = FIXTURE_FILES) {
  return names.map((name) => ({ field: 'files', name, content: fixture(name) }));
}

/** An older-schema fixture with one retain point's `gt` changed to another retain class, so that it disagrees with CIFAR-10. */
export function mislabelled(name: string): string {
  const file = JSON.parse(fixture(name)) as { fc: number; points: [number, ...unknown[]][] };
  const point = file.points.find((p) => p[0] !== file.fc)!;
  point[0] = [1, 2, 3].find((c) => c !== file.fc && c !== point[0])!;
  return JSON.stringify(file);
}
