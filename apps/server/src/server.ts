import { pathToFileURL } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import app from './app.js';
import { clientErrorHandler, frameworkErrors } from './http/routerErrors.js';
import { loadConfig, type ServerConfig } from './plugins/config.js';

/**
 * The Fastify instance around the app: logger, body limit and timeouts. Tests build it with
 * their own configuration and listen on a free loopback port.
 *
 *   const server = await buildServer({ ...loadConfig(), port: 0, dataDir });
 *   await server.listen({ host: server.config.host, port: 0 });
 */
export async function buildServer(config: ServerConfig): Promise<FastifyInstance> {
  const fastify = Fastify({
    logger: { level: config.logLevel },
    bodyLimit: config.bodyLimit,
    requestTimeout: 120_000,
    connectionTimeout: 0,
    keepAliveTimeout: 72_000,
    return503OnClosing: true,
    forceCloseConnections: true,
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors,
    clientErrorHandler,
  });
  await fastify.register(app, { config });
  return fastify;
}

/** `pnpm start`: configuration from the environment, listen, close cleanly on SIGINT / SIGTERM. */
async function main(): Promise<void> {
  let config: ServerConfig;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    console.error(`error: ${(error as Error).message}`);
    process.exit(2);
  }
  const server = await buildServer(config);
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    server.log.info(`${signal}: closing`);
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        server.log.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  await server.listen({ host: config.host, port: config.port });
  const { port } = server.server.address() as { port: number };
  const origin = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  // One plain line whatever the log level: where to go (scripts wait for it).
  console.log(`unlearning comparator listening on ${origin} (API docs at ${origin}/docs, data in ${config.dataDir})`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(`error: ${(error as Error).message?.split('\n')[0] ?? error}`);
    process.exit(1);
  });
}
