import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    /** Whether the built web app is served (then unknown GETs outside /api get its index.html). */
    hasWebApp: boolean;
  }
}

/**
 * Serves the built web app (`apps/web/dist`, or `MU_WEB_DIST`) at `/`. Without a built app it
 * does nothing, and the server answers the API and the docs page only.
 */
export default fp(
  async (fastify) => {
    const root = fastify.config.webDist;
    const present = existsSync(path.join(root, 'index.html'));
    fastify.decorate('hasWebApp', present);
    if (!present) {
      fastify.log.info(`no web app at ${root}: serving the API only`);
      return;
    }
    await fastify.register(fastifyStatic, { root, prefix: '/', wildcard: false });
  },
  { name: 'web-app', dependencies: ['config'], fastify: '5.x' },
);
