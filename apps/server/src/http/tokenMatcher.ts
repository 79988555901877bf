import { timingSafeEqual } from 'node:crypto';

/** Compares a given token with the expected one in constant time; anything but a string fails. */
export function tokenMatcher(expected: string): (given: unknown) => boolean {
  const wanted = Buffer.from(expected);
  return (given) => {
    if (typeof given !== 'string') return false;
    const buffer = Buffer.from(given);
    return buffer.length === wanted.length && timingSafeEqual(buffer, wanted);
  };
}
