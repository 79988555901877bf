import fp from 'fastify-plugin';
import { FAST_EVALUATION } from '@mu/engine';
import { BullmqExecutor } from '../jobs/bullmqExecutor.js';
import { JobQueue } from '../jobs/jobQueue.js';
import { ThreadExecutor } from '../jobs/threadExecutor.js';

declare module 'fastify' {
  interface FastifyInstance {
    jobs: JobQueue;
  }
}

/**
 * The job queue and where its jobs run: worker threads (default) or, with `MU_QUEUE_URL`,
 * remote workers through BullMQ for compute jobs while imports of uploaded weights stay on this
 * server's threads. Running embedded jobs become `interrupted` when the server closes.
 */
export default fp(
  async (fastify) => {
    const { config } = fastify;
    const log = {
      info: (m: string) => fastify.log.info(m),
      warn: (m: string) => fastify.log.warn(m),
      error: (m: string) => fastify.log.error(m),
    };
    const threads = new ThreadExecutor({ methodsDir: config.methodsDir, evaluation: config.evaluation === 'fast' ? FAST_EVALUATION : null }, config.concurrency);
    const compute = config.queueUrl ? new BullmqExecutor(config.queueUrl, log) : threads;
    const queue = new JobQueue(fastify.store, fastify.events, { compute, local: threads }, { cancelGraceMs: config.cancelGraceMs, log });
    await queue.open();

    fastify.decorate('jobs', queue);
    fastify.addHook('onReady', async () => queue.start());
    fastify.addHook('preClose', async () => queue.close());
  },
  { name: 'jobs', dependencies: ['config', 'store', 'events', 'methods'], fastify: '5.x' },
);
