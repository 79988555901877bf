import { timingSafeEqual } from 'node:crypto';
import fp from 'fastify-plugin';
import { ApiError } from '../http/apiError.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route accepts the token as `?token=` too (event streams: EventSource cannot set headers). */
    tokenInQuery?: boolean;
  }
}

/**
 * Optional bearer token (`MU_AUTH_TOKEN`) for every /api route, meant for a server bound to a
 * non-loopback address. Decided on the route the router matched (its registered path and its
 * own config), never on the URL as sent: percent-encoding, absolute-form request lines, case or
 * trailing characters either reach a route, and then need the token, or reach none (404).
 */
export default fp(
  async (fastify) => {
    const { authToken, host } = fastify.config;
    if (authToken === null) {
      if (!LOOPBACK.has(host)) fastify.log.warn(`listening on ${host} without MU_AUTH_TOKEN: anyone who reaches this address can run jobs and delete results`);
      return;
    }
    const expected = Buffer.from(authToken);
    const matches = (given: unknown) => {
      if (typeof given !== 'string') return false;
      const buffer = Buffer.from(given);
      return buffer.length === expected.length && timingSafeEqual(buffer, expected);
    };
    fastify.addHook('onRequest', async (request) => {
      const route = request.routeOptions;
      if (route.url === undefined || !(route.url === '/api' || route.url.startsWith('/api/'))) return;
      const header = request.headers.authorization;
      if (matches(header?.startsWith('Bearer ') ? header.slice(7) : undefined)) return;
      if (route.config.tokenInQuery === true && matches((request.query as { token?: unknown }).token)) return;
      throw new ApiError(401, 'missing or wrong bearer token (Authorization: Bearer <MU_AUTH_TOKEN>)');
    });
  },
  { name: 'auth', dependencies: ['config'], fastify: '5.x' },
);
