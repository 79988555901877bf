import fp from 'fastify-plugin';
import { JobEvents } from '../jobs/jobEvents.js';
import type { EventStream } from '../http/eventStream.js';

declare module 'fastify' {
  interface FastifyInstance {
    events: JobEvents;
    /** Open event streams, ended when the server closes (they would hold it open). */
    eventStreams: Set<EventStream>;
  }
}

/** The job event bus, and the registry of open Server-Sent-Event streams. */
export default fp(
  async (fastify) => {
    fastify.decorate('events', new JobEvents());
    fastify.decorate('eventStreams', new Set<EventStream>());
    fastify.addHook('preClose', async () => {
      for (const stream of fastify.eventStreams) stream.close();
    });
  },
  { name: 'events', fastify: '5.x' },
);
