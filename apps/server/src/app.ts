import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import auth from './plugins/auth.js';
import config, { type ServerConfig } from './plugins/config.js';
import docs from './plugins/docs.js';
import errors from './plugins/errors.js';
import events from './plugins/events.js';
import jobs from './plugins/jobs.js';
import methodsPlugin from './plugins/methods.js';
import origins from './plugins/origins.js';
import securityHeaders from './plugins/securityHeaders.js';
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
 * events, methods, jobs; the request checks in order: security headers, Host and Origin, token;
 * the error and not-found handlers, docs, web app), then the routes under /api. `server.ts` only
 * creates the instance and listens.
 */
async function app(fastify: FastifyInstance, options: AppOptions): Promise<void> {
  // JSON bodies only (and multipart uploads): text/plain is not a way to send a job.
  fastify.removeContentTypeParser('text/plain');
  await fastify.register(config, { config: options.config });
  await fastify.register(multipart, { limits: { fileSize: options.config.uploadLimit, files: 100, fields: 10, parts: 110 } });
  await fastify.register(validation);
  await fastify.register(store);
  await fastify.register(events);
  await fastify.register(methodsPlugin);
  await fastify.register(jobs);
  await fastify.register(securityHeaders);
  await fastify.register(origins);
  await fastify.register(auth);
  await fastify.register(errors);
  await fastify.register(docs);
  await fastify.register(webApp);

  // After the error handler: a route takes the one in force where it is registered.
  for (const [name, routes] of Object.entries(ROUTES)) await fastify.register(routes, { prefix: `/api/${name}` });
}

export default fp(app, { name: 'app', fastify: '5.x' });
