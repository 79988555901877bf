/**
 * The one seeded generator everything draws from (spec methods.md §1.6):
 * xoshiro128** seeded through SplitMix32, with named child streams.
 *
 *   const rng = createRng(2048);
 *   const shuffle = rng.fork('shuffle');
 *   shuffle.shuffle(indices);
 */
export interface Rng {
  readonly seed: number;
  /** Next raw 32-bit unsigned output. */
  next(): number;
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Standard normal (Box–Muller over two uniforms). */
  normal(): number;
  /** Fisher–Yates in place, from the last element down. */
  shuffle<T extends { length: number; [i: number]: unknown }>(a: T): T;
  /** Independent child stream seeded with seed ⊕ fnv1a32(name). */
  fork(name: string): Rng;
}

export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function splitMix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

const rotl = (x: number, k: number) => ((x << k) | (x >>> (32 - k))) >>> 0;

export function createRng(seed: number): Rng {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new Error(`invalid seed: ${seed} (expected an integer in 0..4294967295)`);
  }
  const init = splitMix32(seed);
  const s = new Uint32Array([init(), init(), init(), init()]);

  const next = (): number => {
    const result = Math.imul(rotl(Math.imul(s[1], 5) >>> 0, 7), 9) >>> 0;
    const t = (s[1] << 9) >>> 0;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
  };
  const uniform = () => next() / 4294967296;
  const int = (n: number) => Math.floor(uniform() * n);

  return {
    seed,
    next,
    uniform,
    int,
    normal() {
      const u = 1 - uniform();
      const v = uniform();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    shuffle(a) {
      for (let i = a.length - 1; i >= 1; i--) {
        const j = int(i + 1);
        const tmp = a[i];
        a[i] = a[j];
        a[j] = tmp;
      }
      return a;
    },
    fork: (name) => createRng((seed ^ fnv1a32(name)) >>> 0),
  };
}
