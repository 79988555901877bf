import { createReadStream, existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { checkpointPaths } from '@mu/engine';
import type { ResultRecord } from '@mu/schema';
import { Type } from '@sinclair/typebox';
import { DatasetStatus } from '../../datasets/datasetStatus.js';
import { ApiError, badRequest, conflict, notFound } from '../../http/apiError.js';
import { errors } from '../../schemas/api.js';
import { JobId, OutputsStored, WorkerHello, WorkerWelcome } from '../../schemas/workers.js';

const OUTPUT_FILE = /^([a-z0-9-]{1,64})\.(json|weights\.bin)$/;

/**
 * The remote workers' side of the API (`mu worker`, with MU_QUEUE_URL), behind their own token
 * (MU_WORKER_TOKEN): POST /hello checks the worker's datasets and tells it where the queue is;
 * GET /checkpoints/:id and /checkpoints/:id/weights serve the models jobs start from; POST
 * /jobs/:id/outputs takes a job's checkpoints and results, once per job. The server stays the
 * only writer of its database and files.
 */
const workers: FastifyPluginAsyncTypebox = async (fastify) => {
  const { queueUrl, evaluation } = fastify.config;
  const datasets = new DatasetStatus();
  // The auth plugin checks MU_WORKER_TOKEN (not MU_AUTH_TOKEN) on routes with this config.
  const config = { workerToken: true };

  fastify.post(
    '/hello',
    { config, schema: { tags: ['workers'], summary: 'A remote worker joins: its datasets must match the server’s', body: WorkerHello, response: { 200: WorkerWelcome, ...errors(400, 401, 404, 409, 503) } } },
    async (request) => {
      for (const [id, checksum] of Object.entries(request.body.datasets)) {
        if (!datasets.describe(id).available) continue;
        const ours = (await datasets.load(id)).checksum;
        if (ours !== checksum) throw conflict(`dataset ${id} differs from the server's (checksum ${checksum.slice(0, 12)}… on the worker, ${ours.slice(0, 12)}… on the server)`);
      }
      fastify.log.info(`remote worker ${request.body.name} joined`);
      return { queueUrl: queueUrl!, evaluation };
    },
  );

  const checkpointFile = (id: string, kind: 'meta' | 'weights'): string => {
    const file = checkpointPaths(fastify.store.checkpointDir, id)[kind];
    if (!fastify.store.checkpoints.get(id) || !existsSync(file)) throw notFound(`unknown checkpoint: ${id}`);
    return file;
  };
  const params = Type.Object({ id: Type.String({ pattern: '^[a-z0-9-]{1,64}$' }) });
  fastify.get('/checkpoints/:id', { config, schema: { tags: ['workers'], summary: 'A checkpoint’s metadata file', params, response: { 200: Type.Unsafe({ description: 'application/json' }), ...errors(400, 401, 404) } } }, async (request, reply) =>
    reply.type('application/json').send(createReadStream(checkpointFile(request.params.id, 'meta'))),
  );
  fastify.get('/checkpoints/:id/weights', { config, schema: { tags: ['workers'], summary: 'A checkpoint’s weights file', params, response: { 200: Type.Unsafe({ description: 'application/octet-stream' }), ...errors(400, 401, 404) } } }, async (request, reply) =>
    reply.type('application/octet-stream').send(createReadStream(checkpointFile(request.params.id, 'weights'))),
  );

  fastify.post(
    '/jobs/:id/outputs',
    {
      config,
      schema: {
        tags: ['workers'],
        summary: 'A remote job’s outputs: `records` (JSON array of results) and each checkpoint as <id>.json and <id>.weights.bin',
        consumes: ['multipart/form-data'],
        params: Type.Object({ id: JobId }),
        response: { 200: OutputsStored, ...errors(400, 401, 404, 409, 413, 415, 507) },
      },
    },
    async (request) => {
      if (!request.isMultipart()) throw new ApiError(415, 'expected a multipart/form-data upload');
      const { id } = request.params;
      const staging = fastify.store.stagingDir(id);
      await mkdir(staging, { recursive: true });
      const checkpointIds: string[] = [];
      let records: ResultRecord[] | null = null;
      try {
        for await (const part of request.files()) {
          const content = await part.toBuffer();
          if (part.fieldname === 'records') {
            records = parseRecords(content);
            continue;
          }
          const match = OUTPUT_FILE.exec(part.filename ?? '');
          if (!match) throw badRequest('output files must be named <checkpoint id>.json or <checkpoint id>.weights.bin');
          if (match[2] === 'json') checkpointIds.push(match[1]);
          await writeFile(checkpointPaths(staging, match[1])[match[2] === 'json' ? 'meta' : 'weights'], content);
        }
        if (records === null) throw badRequest('missing records (a JSON array of results)');
      } catch (error) {
        fastify.store.discardStaging(id);
        throw error;
      }
      return { stored: await fastify.jobs.commitRemote(id, { checkpointIds, records }) };
    },
  );
};

function parseRecords(content: Buffer): ResultRecord[] {
  try {
    const parsed: unknown = JSON.parse(content.toString('utf8'));
    if (Array.isArray(parsed)) return parsed as ResultRecord[];
  } catch {
    // reported below
  }
  throw badRequest('records must be a JSON array of results');
}

export default workers;
