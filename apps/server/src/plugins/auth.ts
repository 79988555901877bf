import fp from 'fastify-plugin';
import { ApiError } from '../http/apiError.js';
import { bearerToken, tokenMatcher } from '../http/bearerToken.js';

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
    const matches = tokenMatcher(authToken);
    fastify.addHook('onRequest', async (request) => {
      // Remote workers present their own token (MU_WORKER_TOKEN), checked by their routes.
      if (!request.url.startsWith('/api/') || request.url.startsWith('/api/workers/')) return;
      const bearer = bearerToken(request);
      const query = request.url.includes('/events') ? new URL(request.url, 'http://x').searchParams.get('token') ?? undefined : undefined;
      if (!matches(bearer) && !matches(query)) throw new ApiError(401, 'missing or wrong bearer token (Authorization: Bearer <MU_AUTH_TOKEN>)');
    });
  },
  { name: 'auth', dependencies: ['config'], fastify: '5.x' },
);
