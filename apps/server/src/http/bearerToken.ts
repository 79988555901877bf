import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

/** The token of an `Authorization: Bearer <token>` header, if any. */
export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7) : undefined;
}

/** Compares a given token with the expected one in constant time. */
export function tokenMatcher(expected: string): (given: string | undefined) => boolean {
  const wanted = Buffer.from(expected);
  return (given) => {
    if (given === undefined) return false;
    const buffer = Buffer.from(given);
    return buffer.length === wanted.length && timingSafeEqual(buffer, wanted);
  };
}
