import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { EventStream } from '../../http/eventStream.js';
import { notFound } from '../../http/apiError.js';
import type { JobEvent } from '../../jobs/jobEvents.js';
import { errors } from '../../schemas/api.js';
import { FINISHED, JobId } from '../../schemas/job.js';

const streamResponse = { 200: Type.Unsafe({ description: 'text/event-stream' }) };
const tokenQuery = Type.Object({ token: Type.Optional(Type.String({ maxLength: 256 })) }, { additionalProperties: false });

/**
 * Server-Sent Events. GET /api/jobs/:id/events: `job` (the job now, and on every status change),
 * `progress` (stage, epoch/batch, loss, accuracy, images/s, ETA), `child` (a sweep's jobs), and a
 * last `end` with the finished job, after which the stream closes. GET /api/jobs/events: every
 * job's `job` and `progress` events, until the client leaves.
 */
const jobEvents: FastifyPluginAsyncTypebox = async (fastify) => {
  const open = (request: FastifyRequest, reply: FastifyReply, listener: (stream: EventStream, event: JobEvent) => void) => {
    const stream = new EventStream(request, reply);
    fastify.eventStreams.add(stream);
    const unsubscribe = fastify.events.subscribe((event) => listener(stream, event));
    stream.onClose(() => {
      unsubscribe();
      fastify.eventStreams.delete(stream);
    });
    return stream;
  };

  fastify.get(
    '/events',
    { config: { tokenInQuery: true }, schema: { tags: ['jobs'], summary: 'Every job event (Server-Sent Events)', querystring: tokenQuery, response: streamResponse } },
    async (request, reply) => {
      open(request, reply, (stream, event) => {
        if (event.type === 'job') stream.send('job', event.job);
        else stream.send('progress', { jobId: event.jobId, ...event.progress }, event.progress.seq);
      });
      return reply;
    },
  );

  fastify.get(
    '/:id/events',
    {
      config: { tokenInQuery: true },
      schema: {
        tags: ['jobs'],
        summary: "One job's progress until it ends (Server-Sent Events)",
        params: Type.Object({ id: JobId }),
        querystring: tokenQuery,
        response: { ...streamResponse, ...errors(400, 404) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      if (!fastify.jobs.get(id)) throw notFound(`unknown job: ${id}`);
      const end = (stream: EventStream, job: unknown) => {
        stream.send('end', job);
        stream.close();
      };
      // Subscribe before reading the job, so that no change falls between the two.
      const stream = open(request, reply, (s, event) => {
        if (event.type === 'job' && event.job.id === id) {
          if (FINISHED.includes(event.job.status)) end(s, event.job);
          else s.send('job', event.job);
        } else if (event.type === 'job' && event.job.parentId === id) {
          s.send('child', event.job);
        } else if (event.type === 'progress' && (event.jobId === id || event.parentId === id)) {
          s.send('progress', { jobId: event.jobId, ...event.progress }, event.progress.seq);
        }
      });
      const job = fastify.jobs.get(id)!;
      stream.send('job', job);
      if (FINISHED.includes(job.status)) end(stream, job);
      return reply;
    },
  );
};

export default jobEvents;
