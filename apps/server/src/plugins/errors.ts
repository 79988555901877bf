import type { FastifyError } from 'fastify';
import fp from 'fastify-plugin';
import { ApiError } from '../http/apiError.js';
import { errorBody } from '../http/errorBody.js';
import { storageError } from '../http/storageError.js';

/** A media type as sent (`type/subtype`, no parameters) may be named back; anything else is not. */
const MEDIA_TYPE = /^[\w.+-]{1,40}\/[\w.+-]{1,60}$/;

/**
 * The app's error handler and not-found handler. An ApiError's message is meant for the client;
 * a storage failure (full disk, read-only or missing data folder) is answered 507/503 naming the
 * condition (`storageError`); Fastify's own 4xx errors (bad JSON, body too large, wrong media type) keep theirs; anything else
 * is a bug: logged with its stack, answered with a generic 500. Every answer has the one-line
 * format of `errorBody`. An unknown GET outside /api and /docs gets the web app's index.html
 * (client-side routes) when the app is served.
 */
export default fp(
  async (fastify) => {
    fastify.setErrorHandler((error: FastifyError, request, reply) => {
      const storage = storageError(error);
      const status = storage?.statusCode ?? error.statusCode ?? 500;
      if (status >= 500 && !storage && !(error instanceof ApiError)) {
        request.log.error({ err: error, route: request.routeOptions.url }, 'request failed');
        return reply.code(500).send(errorBody(500, 'internal server error (the server log has the details)'));
      }
      const body = errorBody(status, storage ? storage.message : clientMessage(error, request.headers['content-type']));
      if (status >= 500) request.log.warn({ route: request.routeOptions.url, status, message: body.message, code: error.code }, 'request failed');
      else request.log.info({ route: request.routeOptions.url, status, message: body.message }, 'request rejected');
      return reply.code(status).send(body);
    });

    fastify.setNotFoundHandler((request, reply) => {
      const url = request.url.split('?')[0];
      if (fastify.hasWebApp && request.method === 'GET' && !url.startsWith('/api/') && !url.startsWith('/docs')) return reply.sendFile('index.html');
      return reply.code(404).send(errorBody(404, `no route for ${request.method} at this path (the API's routes are listed at /docs)`));
    });
  },
  { name: 'errors', fastify: '5.x' },
);

/** The message of a 4xx: JSON.parse quotes the text it choked on, and a content type is input too. */
function clientMessage(error: FastifyError, contentType: string | undefined): string {
  if (error.name === 'SyntaxError') return 'body is not valid JSON';
  if (error.code !== 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return error.message;
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  return `unsupported content type${MEDIA_TYPE.test(type) ? ` ${type}` : ''} (expected application/json)`;
}
