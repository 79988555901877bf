import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from './errorBody.js';

const FRAMEWORK: Record<string, [number, string]> = {
  FST_ERR_BAD_URL: [400, 'malformed URL (bad percent-encoding)'],
  FST_ERR_MAX_PARAM_LENGTH: [414, 'a path segment of the URL is too long'],
};

/**
 * Errors of Fastify's router, before any route or hook runs (bad percent-encoding, an overlong
 * path parameter): the app's error format instead of Fastify's, which quotes the URL back.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const [status, message] = FRAMEWORK[error.code] ?? [500, 'internal server error (the server log has the details)'];
  if (status >= 500) request.log.error({ err: error }, 'router failed');
  void reply.code(status).header('x-content-type-options', 'nosniff').send(errorBody(status, message));
}

/**
 * Errors of Node's HTTP parser (headers too large, a malformed request line, a timeout): the same
 * error format, written to the socket, which is then closed.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, message] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'request timed out']
      : error.code === 'HPE_HEADER_OVERFLOW' ? [431, 'request line or headers too large']
        : [400, 'malformed HTTP request'];
  const payload = errorBody(status, message);
  const body = JSON.stringify(payload);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${payload.error}\r\ncontent-type: application/json; charset=utf-8\r\n` +
        `content-length: ${Buffer.byteLength(body)}\r\nx-content-type-options: nosniff\r\nconnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
