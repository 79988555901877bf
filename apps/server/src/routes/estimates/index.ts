import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { ResultRecord } from '@mu/schema';
import { architectureInfo, describeDataset } from '@mu/engine';
import { as } from '../../http/apiError.js';
import { CatalogId, errors, TimeEstimates } from '../../schemas/api.js';
import { timeEstimates } from '../../views/timeEstimates.js';

/**
 * GET /api/estimates?dataset&architecture — stage and per-epoch times of earlier runs on this
 * server's backend, for the ETAs of the builder, the references banner and the queue.
 */
const estimates: FastifyPluginAsyncTypebox = async (fastify) => {
  const cache = new Map<string, { version: number; value: TimeEstimates }>();
  fastify.get(
    '',
    {
      schema: {
        tags: ['models'],
        summary: 'Time estimates from earlier runs on this backend',
        querystring: Type.Object({ dataset: CatalogId('dataset id'), architecture: CatalogId('architecture id') }, { additionalProperties: false }),
        response: { 200: TimeEstimates, ...errors(400) },
      },
    },
    async (request) => {
      const { dataset, architecture } = request.query;
      as(400, () => describeDataset(dataset));
      as(400, () => architectureInfo(architecture));
      const backend = fastify.jobs.backend?.name ?? null;
      const key = `${dataset}/${architecture}/${backend}`;
      const { results } = fastify.store;
      const hit = cache.get(key);
      if (hit && hit.version === results.version) return hit.value;
      const records = results.listJson({ dataset, architecture }, 'record').map((json) => JSON.parse(json) as ResultRecord);
      const value = timeEstimates(records, backend);
      cache.set(key, { version: results.version, value });
      return value;
    },
  );
};

export default estimates;
