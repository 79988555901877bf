import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { resultsCsv } from '../../export/resultsCsv.js';
import { badRequest } from '../../http/apiError.js';
import { errors, resultFilters } from '../../schemas/api.js';

const ID_LIST = /^([0-9a-f]{8}|ref[0-9]+-[A-Za-z0-9_-]{1,32}|ref-original)(,([0-9a-f]{8}|ref[0-9]+-[A-Za-z0-9_-]{1,32}|ref-original))*$/;

/**
 * GET /api/results/export?format=csv|json — the matching records (or `ids=a,b,c`) as a download:
 * CSV with the headline metrics and hyperparameters, or JSON with every record in full.
 */
const exportRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/export',
    {
      schema: {
        tags: ['results'],
        summary: 'Export results as CSV or JSON',
        querystring: Type.Object(
          {
            format: Type.Union([Type.Literal('csv'), Type.Literal('json')]),
            ids: Type.Optional(Type.String({ maxLength: 100_000, description: 'comma-separated record ids' })),
            ...resultFilters,
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Unsafe({ description: 'text/csv or application/json attachment' }), ...errors(400) },
      },
    },
    async (request, reply) => {
      const { format, ids: idList, ...filter } = request.query;
      const ids = idList === '' ? undefined : idList;
      if (ids !== undefined && !ID_LIST.test(ids)) throw badRequest(`querystring.ids must be comma-separated record ids (got ${JSON.stringify(ids.slice(0, 60))})`);
      const stamp = new Date().toISOString().slice(0, 19).replaceAll(':', '-');
      if (format === 'csv') {
        const records = fastify.store.results.list({ ...filter, ids: ids?.split(',') });
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="results-${stamp}.csv"`)
          .send(resultsCsv(records));
      }
      const rows = fastify.store.results.listJson({ ...filter, ids: ids?.split(',') }, 'record');
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="results-${stamp}.json"`)
        .send(`[${rows.join(',')}]`);
    },
  );
};

export default exportRoutes;
