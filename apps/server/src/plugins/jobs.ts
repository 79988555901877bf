import fp from 'fastify-plugin';
import { BullmqExecutor } from '../jobs/bullmqExecutor.js';
import { FAST_EVALUATION } from '../jobs/fastEvaluation.js';
import { JobQueue } from '../jobs/jobQueue.js';
import { ThreadExecutor } from '../jobs/threadExecutor.js';

declare module 'fastify' {
  interface FastifyInstance {
    jobs: JobQueue;
  }
}

/**
 * The job queue and where its compute jobs run: worker threads (default) or, with
 * `MU_QUEUE_URL`, remote workers through BullMQ. Running embedded jobs become `interrupted`
 * when the server closes.
 */
export default fp(
  async (fastify) => {
    const { config } = fastify;
    const log = {
      info: (m: string) => fastify.log.info(m),
      warn: (m: string) => fastify.log.warn(m),
      error: (m: string) => fastify.log.error(m),
    };
    const executor = config.queueUrl
      ? new BullmqExecutor(config.queueUrl, log)
      : new ThreadExecutor({ methodsDir: config.methodsDir, evaluation: config.evaluation === 'fast' ? FAST_EVALUATION : null }, config.concurrency);
    const queue = new JobQueue(fastify.store, fastify.events, executor, { cancelGraceMs: config.cancelGraceMs, log });
    await queue.open();

    fastify.decorate('jobs', queue);
    fastify.addHook('onReady', async () => queue.start());
    fastify.addHook('preClose', async () => queue.close());
  },
  { name: 'jobs', dependencies: ['config', 'store', 'events', 'methods'], fastify: '5.x' },
);
