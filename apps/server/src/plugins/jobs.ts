import fp from 'fastify-plugin';
import { FAST_EVALUATION } from '@mu/engine';
import { JobQueue } from '../jobs/jobQueue.js';

declare module 'fastify' {
  interface FastifyInstance {
    jobs: JobQueue;
  }
}

/** The job queue and its compute workers; running jobs become `interrupted` when the server closes. */
export default fp(
  async (fastify) => {
    const { config } = fastify;
    const queue = new JobQueue(fastify.store, fastify.events, {
      concurrency: config.concurrency,
      cancelGraceMs: config.cancelGraceMs,
      setup: { methodsDir: config.methodsDir, evaluation: config.evaluation === 'fast' ? FAST_EVALUATION : null },
      log: {
        info: (m) => fastify.log.info(m),
        warn: (m) => fastify.log.warn(m),
        error: (m) => fastify.log.error(m),
      },
    });
    fastify.decorate('jobs', queue);
    fastify.addHook('onReady', async () => queue.start());
    fastify.addHook('preClose', async () => queue.close());
  },
  { name: 'jobs', dependencies: ['config', 'store', 'events', 'methods'], fastify: '5.x' },
);
