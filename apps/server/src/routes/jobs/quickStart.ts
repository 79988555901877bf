import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { QuickStartRequest } from '@mu/schema';
import { planQuickStart } from '../../jobs/planQuickStart.js';
import { errors } from '../../schemas/api.js';
import { Job } from '../../schemas/job.js';

/** POST /api/jobs/quick-start: queues the jobs of a first comparison for one forget class. */
const quickStart: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post(
    '/quick-start',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Queue the Original and Retrained model of a class (those missing) and the five built-in methods, in that order',
        body: QuickStartRequest,
        response: { 201: Type.Array(Job), ...errors(400, 409, 503, 507) },
      },
    },
    async (request, reply) => reply.code(201).send(planQuickStart(request.body, fastify.store).map((spec) => fastify.jobs.create(spec))),
  );
};

export default quickStart;
