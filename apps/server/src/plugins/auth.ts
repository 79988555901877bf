import { timingSafeEqual } from 'node:crypto';
import fp from 'fastify-plugin';
import { ApiError } from '../http/apiError.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/**
 * Optional bearer token (`MU_AUTH_TOKEN`) for every /api route, meant for a server bound to a
 * non-loopback address. Event streams may pass it as `?token=` (EventSource cannot set headers).
 */
export default fp(
  async (fastify) => {
    const { authToken, host } = fastify.config;
    if (authToken === null) {
      if (!LOOPBACK.has(host)) fastify.log.warn(`listening on ${host} without MU_AUTH_TOKEN: anyone who reaches this address can run jobs and delete results`);
      return;
    }
    const expected = Buffer.from(authToken);
    const matches = (given: string | undefined) => {
      if (given === undefined) return false;
      const buffer = Buffer.from(given);
      return buffer.length === expected.length && timingSafeEqual(buffer, expected);
    };
    fastify.addHook('onRequest', async (request) => {
      if (!request.url.startsWith('/api/')) return;
      const header = request.headers.authorization;
      const bearer = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
      const query = request.url.includes('/events') ? new URL(request.url, 'http://x').searchParams.get('token') ?? undefined : undefined;
      if (!matches(bearer) && !matches(query)) throw new ApiError(401, 'missing or wrong bearer token (Authorization: Bearer <MU_AUTH_TOKEN>)');
    });
  },
  { name: 'auth', dependencies: ['config'], fastify: '5.x' },
);
