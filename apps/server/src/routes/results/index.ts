import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Id, ResultRecord, ResultSummary } from '@mu/schema';
import { notFound } from '../../http/apiError.js';
import { sendJson } from '../../http/sendJson.js';
import { errors, ResultHeadline, resultFilters } from '../../schemas/api.js';
import { weightsOnDisk } from '../../views/weightsOnDisk.js';
import exportRoutes from './export.js';

/**
 * Results: GET /api/results (list rows with the headline metrics, or `view=summary` for the
 * summaries of results-schema.md §1), GET /api/results/:id (the full record), DELETE
 * /api/results/:id; exports in ./export.ts. Lists are the stored JSON strings joined, so that
 * they cost no serialisation.
 */
const results: FastifyPluginAsyncTypebox = async (fastify) => {
  const listCache = new ListCache();
  fastify.get(
    '',
    {
      schema: {
        tags: ['results'],
        summary: 'Stored results, oldest first',
        querystring: Type.Object(
          {
            ...resultFilters,
            view: Type.Optional(Type.Union([Type.Literal('headline'), Type.Literal('summary')], { default: 'headline' })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 10_000 })),
            offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000_000, default: 0 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(Type.Union([ResultHeadline, ResultSummary])), 304: Type.Null({ description: 'not modified (If-None-Match)' }), ...errors(400) },
      },
    },
    async (request, reply) => {
      const { results } = fastify.store;
      // Weights files can go without a write through the store: their list is part of the version.
      const present = fastify.store.weightsOnDisk();
      const files = createHash('sha256').update([...present].sort().join()).digest('hex').slice(0, 12);
      const etag = `"results-${results.version}-${files}-${listCache.epoch}"`;
      reply.header('etag', etag).header('cache-control', 'no-cache');
      if (request.headers['if-none-match'] === etag) return reply.code(304).send(null);
      const key = `${results.version}-${files}?${request.url.split('?')[1] ?? ''}`;
      let json = listCache.get(key);
      if (json === undefined) {
        const { view = 'headline', ...filter } = request.query;
        const rows = results.listRows(filter, view);
        json = `[${rows.map((r) => (view === 'headline' ? weightsOnDisk(r.json, view, r.modelId, present) : r.json)).join(',')}]`;
        listCache.set(key, json);
      }
      return sendJson(reply, json);
    },
  );

  fastify.get(
    '/:id',
    { schema: { tags: ['results'], summary: 'One record in full', params: Type.Object({ id: Id }), response: { 200: ResultRecord, ...errors(400, 404) } } },
    async (request, reply) => {
      const row = fastify.store.results.row(request.params.id);
      if (row === null) throw notFound(`unknown result: ${request.params.id}`);
      return sendJson(reply, weightsOnDisk(row.json, 'record', row.modelId, fastify.store.weightsOnDisk()));
    },
  );

  fastify.delete(
    '/:id',
    {
      schema: {
        tags: ['results'],
        summary: 'Delete a record (an unlearned model\'s weights go with it)',
        params: Type.Object({ id: Id }),
        response: { 204: Type.Null(), ...errors(400, 404, 409, 503, 507) },
      },
    },
    async (request, reply) => {
      if (!fastify.store.deleteResult(request.params.id)) throw notFound(`unknown result: ${request.params.id}`);
      return reply.code(204).send(null);
    },
  );

  await fastify.register(exportRoutes);
};

/**
 * The latest list responses, keyed by the results' version and the query string: under load the
 * same list is asked for again and again, and only a write changes it.
 */
class ListCache {
  /** Distinguishes this process's versions from an earlier run's in ETags. */
  readonly epoch = Date.now().toString(36);
  private readonly entries = new Map<string, string>();

  get(key: string): string | undefined {
    return this.entries.get(key);
  }

  set(key: string, json: string): void {
    if (this.entries.size >= 32) this.entries.clear();
    this.entries.set(key, json);
  }
}

export default results;
