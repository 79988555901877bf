import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Id, ResultRecord, ResultSummary } from '@mu/schema';
import { notFound } from '../../http/apiError.js';
import { sendJson } from '../../http/sendJson.js';
import { errors, ResultHeadline, resultFilters } from '../../schemas/api.js';
import exportRoutes from './export.js';

/**
 * Results: GET /api/results (list rows with the headline metrics, or `view=summary` for the
 * summaries of results-schema.md §1), GET /api/results/:id (the full record), DELETE
 * /api/results/:id; exports in ./export.ts. Lists are the stored JSON strings joined, so that
 * they cost no serialisation.
 */
const results: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/',
    {
      schema: {
        tags: ['results'],
        summary: 'Stored results, oldest first',
        querystring: Type.Object(
          {
            ...resultFilters,
            view: Type.Optional(Type.Union([Type.Literal('headline'), Type.Literal('summary')], { default: 'headline' })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 10_000 })),
            offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(Type.Union([ResultHeadline, ResultSummary])), ...errors(400) },
      },
    },
    async (request, reply) => {
      const { view = 'headline', ...filter } = request.query;
      const rows = fastify.store.results.listJson(filter, view);
      return sendJson(reply, `[${rows.join(',')}]`);
    },
  );

  fastify.get(
    '/:id',
    { schema: { tags: ['results'], summary: 'One record in full', params: Type.Object({ id: Id }), response: { 200: ResultRecord, ...errors(400, 404) } } },
    async (request, reply) => {
      const json = fastify.store.results.json(request.params.id);
      if (json === null) throw notFound(`unknown result: ${request.params.id}`);
      return sendJson(reply, json);
    },
  );

  fastify.delete(
    '/:id',
    {
      schema: {
        tags: ['results'],
        summary: 'Delete a record (an unlearned model\'s weights go with it)',
        params: Type.Object({ id: Id }),
        response: { 204: Type.Null(), ...errors(400, 404, 409) },
      },
    },
    async (request, reply) => {
      if (!fastify.store.deleteResult(request.params.id)) throw notFound(`unknown result: ${request.params.id}`);
      return reply.code(204).send(null);
    },
  );

  await fastify.register(exportRoutes);
};

export default results;
