import multipart from '@fastify/multipart';
import sensible from '@fastify/sensible';
import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { ApiError } from './http/apiError.js';
import { storageError } from './http/storageError.js';
import auth from './plugins/auth.js';
import config, { type ServerConfig } from './plugins/config.js';
import docs from './plugins/docs.js';
import events from './plugins/events.js';
import jobs from './plugins/jobs.js';
import methodsPlugin from './plugins/methods.js';
import store from './plugins/store.js';
import validation from './plugins/validation.js';
import webApp from './plugins/webApp.js';
import architectures from './routes/architectures/index.js';
import baselines from './routes/baselines/index.js';
import checkpoints from './routes/checkpoints/index.js';
import datasets from './routes/datasets/index.js';
import estimates from './routes/estimates/index.js';
import health from './routes/health/index.js';
import imports from './routes/imports/index.js';
import jobRoutes from './routes/jobs/index.js';
import methods from './routes/methods/index.js';
import results from './routes/results/index.js';
import workers from './routes/workers/index.js';

export interface AppOptions {
  config: ServerConfig;
}

/** Routes by resource: the folder under routes/ is the path under /api. */
const ROUTES = { health, datasets, architectures, methods, baselines, estimates, checkpoints, jobs: jobRoutes, results, imports, workers };

/**
 * The whole server as one plugin: third-party plugins, then ours (config, validation, store,
 * events, methods, jobs, auth, docs, web app), then the routes under /api; one error handler
 * and one not-found handler. `server.ts` only creates the instance and listens.
 */
async function app(fastify: FastifyInstance, options: AppOptions): Promise<void> {
  // JSON bodies only (and multipart uploads): text/plain is not a way to send a job.
  fastify.removeContentTypeParser('text/plain');
  await fastify.register(sensible);
  await fastify.register(config, { config: options.config });
  await fastify.register(multipart, { limits: { fileSize: options.config.uploadLimit, files: 100, fields: 10, parts: 110 } });
  await fastify.register(validation);
  await fastify.register(store);
  await fastify.register(events);
  await fastify.register(methodsPlugin);
  await fastify.register(jobs);
  await fastify.register(auth);
  await fastify.register(docs);
  await fastify.register(webApp);

  fastify.setErrorHandler((error: FastifyError, request, reply) => {
    const storage = storageError(error);
    const status = storage?.statusCode ?? error.statusCode ?? 500;
    if (status >= 500) {
      // Only conditions we name (storage, an unavailable dataset) say more than "Internal Server Error".
      const named = storage ?? (error instanceof ApiError ? error : null);
      if (named) {
        request.log.warn({ url: request.url, status, message: named.message, code: error.code }, 'request failed');
        return reply.code(status).send({ statusCode: status, error: httpStatusName(status), message: oneLine(named.message) });
      }
      request.log.error({ err: error, url: request.url }, 'request failed');
      return reply.code(500).send({ statusCode: 500, error: 'Internal Server Error', message: 'Internal Server Error' });
    }
    const message = error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? `unsupported content type: ${request.headers['content-type']} (expected application/json)` : oneLine(error.message);
    request.log.info({ url: request.url, status, message }, 'request rejected');
    return reply.code(status).send({ statusCode: status, error: httpStatusName(status), message });
  });

  fastify.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0];
    if (fastify.hasWebApp && request.method === 'GET' && !url.startsWith('/api/') && !url.startsWith('/docs')) return reply.sendFile('index.html');
    return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `no route ${request.method} ${url.slice(0, 200)}` });
  });

  // After the handlers: a route takes the error handler in force where it is registered.
  for (const [name, routes] of Object.entries(ROUTES)) await fastify.register(routes, { prefix: `/api/${name}` });
}

const NAMES: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 406: 'Not Acceptable',
  409: 'Conflict', 411: 'Length Required', 413: 'Payload Too Large', 414: 'URI Too Long', 415: 'Unsupported Media Type', 422: 'Unprocessable Entity', 429: 'Too Many Requests',
  503: 'Service Unavailable', 507: 'Insufficient Storage',
};

function httpStatusName(status: number): string {
  return NAMES[status] ?? 'Client Error';
}

function oneLine(message: string): string {
  return message.split('\n')[0].slice(0, 500);
}

export default fp(app, { name: 'app', fastify: '5.x' });
