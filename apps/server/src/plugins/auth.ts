import fp from 'fastify-plugin';
import { ApiError, notFound } from '../http/apiError.js';
import { tokenMatcher } from '../http/tokenMatcher.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route accepts the token as `?token=` too (event streams: EventSource cannot set headers). */
    tokenInQuery?: boolean;
    /** The route is for remote workers: it takes MU_WORKER_TOKEN, never MU_AUTH_TOKEN. */
    workerToken?: boolean;
  }
}

/**
 * Bearer tokens, decided on the route the router matched (its registered path and its own
 * config), never on the URL as sent: percent-encoding, absolute-form request lines, case or
 * trailing characters either reach a route, and then need its token, or reach none (404).
 * Routes marked `workerToken` take MU_WORKER_TOKEN (and exist only with MU_QUEUE_URL); every other
 * /api route takes the optional MU_AUTH_TOKEN, meant for a server bound to a non-loopback address.
 */
export default fp(
  async (fastify) => {
    const { authToken, workerToken, queueUrl, host } = fastify.config;
    if (authToken === null && !LOOPBACK.has(host)) fastify.log.warn(`listening on ${host} without MU_AUTH_TOKEN: anyone who reaches this address can run jobs and delete results`);
    const userMatches = authToken === null ? null : tokenMatcher(authToken);
    const workerMatches = workerToken === null ? () => false : tokenMatcher(workerToken);
    fastify.addHook('onRequest', async (request) => {
      const route = request.routeOptions;
      if (route.url === undefined || !(route.url === '/api' || route.url.startsWith('/api/'))) return;
      const header = request.headers.authorization;
      const bearer = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
      if (route.config.workerToken === true) {
        if (!queueUrl) throw notFound('this server has no remote workers (MU_QUEUE_URL is not set)');
        if (!workerMatches(bearer)) throw new ApiError(401, 'missing or wrong worker token (Authorization: Bearer <MU_WORKER_TOKEN>)');
        return;
      }
      if (userMatches === null || userMatches(bearer)) return;
      if (route.config.tokenInQuery === true && userMatches((request.query as { token?: unknown }).token)) return;
      throw new ApiError(401, 'missing or wrong bearer token (Authorization: Bearer <MU_AUTH_TOKEN>)');
    });
  },
  { name: 'auth', dependencies: ['config'], fastify: '5.x' },
);
