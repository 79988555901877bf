import path from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import fp from 'fastify-plugin';
import { findRepoRoot } from '@mu/engine';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Everything the server reads from its environment, validated once at start (README, "Server"). */
export const ServerConfig = Type.Object({
  /** Listen address; loopback unless configured otherwise. */
  host: Type.String({ minLength: 1 }),
  port: Type.Integer({ minimum: 0, maximum: 65535 }),
  /** Database, checkpoints and staging area live here. */
  dataDir: Type.String({ minLength: 1 }),
  /** Host names (`name` or `name:port`) a reverse proxy forwards under, besides the listen address. */
  allowedHosts: Type.Array(Type.String({ pattern: '^[^\\s/?#@,]+$' })),
  /** When set, every /api request needs `Authorization: Bearer <token>`. */
  authToken: Type.Union([Type.String({ minLength: 16 }), Type.Null()]),
  /** Compute jobs run at once, each in its own worker thread. */
  concurrency: Type.Integer({ minimum: 1, maximum: 8 }),
  /** Largest JSON body, bytes. */
  bodyLimit: Type.Integer({ minimum: 1024 }),
  /** Largest uploaded file (result file or checkpoint weights), bytes. */
  uploadLimit: Type.Integer({ minimum: 1024 }),
  /** The built web app, served at / when the folder exists. */
  webDist: Type.String({ minLength: 1 }),
  /** Custom unlearning methods, loaded at start; null when the folder does not exist. */
  methodsDir: Type.Union([Type.String(), Type.Null()]),
  /** `fast` shrinks UMAP epochs and CKA samples (tests, demos); records say what was used. */
  evaluation: Type.Union([Type.Literal('full'), Type.Literal('fast')]),
  /** How long a cancelled job may take to stop before its worker is terminated. */
  cancelGraceMs: Type.Integer({ minimum: 100, maximum: 600_000 }),
  logLevel: Type.Union(LOG_LEVELS.map((l) => Type.Literal(l))),
  /** Redis of the BullMQ queue that remote workers take jobs from; null: embedded worker threads. */
  queueUrl: Type.Union([Type.String({ pattern: '^rediss?://' }), Type.Null()]),
  /** The token remote workers present (`mu worker --token`); required with `queueUrl`. */
  workerToken: Type.Union([Type.String({ minLength: 16 }), Type.Null()]),
});
export type ServerConfig = Static<typeof ServerConfig>;

export const DEFAULT_PORT = 8642;

/**
 * The configuration from environment variables (README, "Server"), or a one-line error naming
 * the variable and its value.
 *
 *   loadConfig({ PORT: '9000' }).port // 9000
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): ServerConfig {
  const root = findRepoRoot() ?? process.cwd();
  const int = (name: string, fallback: number): number => {
    const text = env[name];
    if (text === undefined || text === '') return fallback;
    if (!/^\d+$/.test(text.trim())) throw new Error(`invalid ${name}: ${text} (expected a whole number)`);
    return Number(text);
  };
  const config = {
    host: env.HOST || '127.0.0.1',
    port: int('PORT', DEFAULT_PORT),
    dataDir: path.resolve(env.MU_DATA_DIR || path.join(root, '.data')),
    allowedHosts: (env.MU_ALLOWED_HOSTS ?? '').split(',').map((h) => h.trim()).filter((h) => h !== ''),
    authToken: env.MU_AUTH_TOKEN || null,
    concurrency: int('MU_JOB_CONCURRENCY', 1),
    bodyLimit: int('MU_BODY_LIMIT', 1024 * 1024),
    uploadLimit: int('MU_UPLOAD_LIMIT', 64 * 1024 * 1024),
    webDist: path.resolve(env.MU_WEB_DIST || path.join(root, 'apps', 'web', 'dist')),
    methodsDir: path.resolve(env.MU_METHODS_DIR || path.join(root, 'methods')),
    evaluation: env.MU_EVALUATION || 'full',
    cancelGraceMs: int('MU_CANCEL_GRACE_MS', 10_000),
    logLevel: env.LOG_LEVEL || 'info',
    queueUrl: env.MU_QUEUE_URL || null,
    workerToken: env.MU_WORKER_TOKEN || null,
  };
  return checkConfig(config);
}

const ENV_NAMES: Record<keyof ServerConfig, string> = {
  host: 'HOST',
  port: 'PORT',
  dataDir: 'MU_DATA_DIR',
  allowedHosts: 'MU_ALLOWED_HOSTS',
  authToken: 'MU_AUTH_TOKEN',
  concurrency: 'MU_JOB_CONCURRENCY',
  bodyLimit: 'MU_BODY_LIMIT',
  uploadLimit: 'MU_UPLOAD_LIMIT',
  webDist: 'MU_WEB_DIST',
  methodsDir: 'MU_METHODS_DIR',
  evaluation: 'MU_EVALUATION',
  cancelGraceMs: 'MU_CANCEL_GRACE_MS',
  logLevel: 'LOG_LEVEL',
  queueUrl: 'MU_QUEUE_URL',
  workerToken: 'MU_WORKER_TOKEN',
};

/** Variables whose value is never shown (a token, a URL that may hold a password), and what they expect. */
const SECRETS: Partial<Record<keyof ServerConfig, string>> = {
  authToken: 'expected at least 16 characters',
  queueUrl: 'expected redis://host:port or rediss://host:port',
  workerToken: 'expected at least 16 characters',
};

/** Checks a complete configuration; the error names the environment variable. */
export function checkConfig(config: unknown): ServerConfig {
  const error = Value.Errors(ServerConfig, config).First();
  if (error === undefined) {
    const valid = config as ServerConfig;
    if (valid.queueUrl !== null && valid.workerToken === null) fail('MU_QUEUE_URL needs MU_WORKER_TOKEN (at least 16 characters), the token remote workers present');
    return valid;
  }
  const key = error.path.split('/')[1] as keyof ServerConfig;
  const name = ENV_NAMES[key] ?? key;
  const secret = SECRETS[key];
  return fail(`invalid ${name}: ${secret ? '(hidden)' : JSON.stringify(error.value)} (${secret ?? error.message.toLowerCase()})`);
}

function fail(message: string): never {
  throw new Error(message);
}

declare module 'fastify' {
  interface FastifyInstance {
    config: ServerConfig;
  }
}

/** Decorates `fastify.config` with the validated configuration. */
export default fp<{ config: ServerConfig }>(
  async (fastify, { config }) => {
    fastify.decorate('config', checkConfig(config));
  },
  { name: 'config', fastify: '5.x' },
);
