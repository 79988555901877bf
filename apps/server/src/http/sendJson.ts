import type { FastifyReply } from 'fastify';

/**
 * Sends JSON that is already serialised (records are stored as JSON strings), so Fastify neither
 * parses nor re-serialises it. The route's response schema still documents the shape.
 */
export function sendJson(reply: FastifyReply, json: string): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(json);
}
