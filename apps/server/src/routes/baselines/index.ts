import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { architectureInfo, describeDataset } from '@mu/engine';
import { as } from '../../http/apiError.js';
import { BaselineStatus, CatalogId, errors } from '../../schemas/api.js';

/**
 * GET /api/baselines?dataset&architecture — which Original and Retrained models are present (the
 * designated ones: the newest of each kind) and which of their records exist, per class.
 */
const baselines: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '',
    {
      schema: {
        tags: ['models'],
        summary: 'Designated Original and Retrained models per forget class',
        querystring: Type.Object({ dataset: CatalogId('dataset id'), architecture: CatalogId('architecture id') }, { additionalProperties: false }),
        response: { 200: BaselineStatus, ...errors(400) },
      },
    },
    async (request) => {
      const { dataset, architecture } = request.query;
      const d = as(400, () => describeDataset(dataset));
      as(400, () => architectureInfo(architecture));
      const { checkpoints, results } = fastify.store;
      const original = checkpoints.designated({ role: 'original', dataset, architecture });
      return {
        dataset,
        architecture,
        original,
        classes: d.classNames.map((className, forgetClass) => {
          const retrained = checkpoints.designated({ role: 'retrained', dataset, architecture, forgetClass });
          return {
            forgetClass,
            className,
            retrained,
            originalRecordId: original ? results.originalRecordId(original.id, forgetClass) : null,
            retrainedRecordId: retrained && results.has(retrained.id) ? retrained.id : null,
          };
        }),
      };
    },
  );
};

export default baselines;
