import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Health } from '../../schemas/api.js';

const startedAt = Date.now();

/** GET /api/health: answers at once, even while a job trains (the engine runs in a worker thread). */
const health: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get('', { schema: { tags: ['system'], summary: 'Liveness, compute backend, queue mode and size', response: { 200: Health } } }, async () => ({
    status: 'ok' as const,
    uptimeSeconds: (Date.now() - startedAt) / 1000,
    backend: fastify.jobs.backend,
    jobs: fastify.jobs.counts(),
    queue: { mode: fastify.jobs.mode, workers: await fastify.jobs.workers() },
  }));
};

export default health;
