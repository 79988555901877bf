import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { notFound } from '../../http/apiError.js';
import { errors } from '../../schemas/api.js';
import { Job, JobId, JobKindField, JobSpec, JobStatus } from '../../schemas/job.js';
import jobEvents from './events.js';

/** Jobs: create (POST /api/jobs), list, get, cancel; live progress in ./events.ts. */
const jobs: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post(
    '',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Queue a job: train an Original or Retrained model, run an unlearning method, or a sweep',
        body: JobSpec,
        response: { 201: Job, ...errors(400, 409, 413, 503, 507) },
      },
    },
    async (request, reply) => reply.code(201).send(fastify.jobs.create(request.body)),
  );

  fastify.get(
    '',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Jobs, newest first',
        querystring: Type.Object(
          {
            status: Type.Optional(JobStatus),
            kind: Type.Optional(JobKindField),
            parentId: Type.Optional(JobId),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(Job), ...errors(400) },
      },
    },
    async (request) => fastify.jobs.list(request.query),
  );

  fastify.get(
    '/:id',
    { schema: { tags: ['jobs'], summary: 'One job, with its latest progress', params: Type.Object({ id: JobId }), response: { 200: Job, ...errors(400, 404) } } },
    async (request) => {
      const job = fastify.jobs.get(request.params.id);
      if (!job) throw notFound(`unknown job: ${request.params.id}`);
      return job;
    },
  );

  fastify.post(
    '/:id/cancel',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Cancel a queued or running job (202: asked to stop; the event stream reports the end)',
        params: Type.Object({ id: JobId }),
        response: { 200: Job, 202: Job, ...errors(400, 404, 409) },
      },
    },
    async (request, reply) => {
      const job = fastify.jobs.cancel(request.params.id);
      return reply.code(job.status === 'cancelled' ? 200 : 202).send(job);
    },
  );

  await fastify.register(jobEvents);
};

export default jobs;
