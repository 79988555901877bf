import { existsSync } from 'node:fs';
import fp from 'fastify-plugin';
import { builtInMethods, loadMethodsFolder } from '@mu/engine';

declare module 'fastify' {
  interface FastifyInstance {
    /** Ids of the built-in methods (the others came from the methods folder). */
    builtInMethodIds: Set<string>;
  }
}

let loadedFrom: string | null = null;

/**
 * Registers the custom methods of the local methods folder (never anything uploaded) in the
 * engine's registry, so that requests are checked against them. A bad module stops start-up.
 */
export default fp(
  async (fastify) => {
    const dir = fastify.config.methodsDir;
    // The registry is per process: load a folder once, even when several apps are built (tests).
    if (dir && existsSync(dir) && loadedFrom === null) {
      const added = await loadMethodsFolder(dir);
      loadedFrom = dir;
      if (added.length > 0) fastify.log.info(`custom methods from ${dir}: ${added.map((m) => m.descriptor.id).join(', ')}`);
    }
    fastify.decorate('builtInMethodIds', new Set(builtInMethods.map((m) => m.descriptor.id)));
  },
  { name: 'methods', dependencies: ['config'], fastify: '5.x' },
);
