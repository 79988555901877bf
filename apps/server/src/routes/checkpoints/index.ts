import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { notFound } from '../../http/apiError.js';
import { Checkpoint, errors } from '../../schemas/api.js';

const CheckpointId = Type.String({ pattern: '^[0-9a-f]{8}$', description: '8 lower-case hex characters' });

/** GET /api/checkpoints, GET /api/checkpoints/:id — the weights the server holds (trained here or uploaded). */
const checkpoints: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '',
    {
      schema: {
        tags: ['models'],
        summary: 'Checkpoints, newest first',
        querystring: Type.Object(
          {
            dataset: Type.Optional(Type.String({ maxLength: 64 })),
            architecture: Type.Optional(Type.String({ maxLength: 64 })),
            role: Type.Optional(Type.Union([Type.Literal('original'), Type.Literal('retrained'), Type.Literal('unlearned')])),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(Checkpoint), ...errors(400) },
      },
    },
    async (request) => fastify.store.checkpoints.list(request.query),
  );

  fastify.get(
    '/:id',
    { schema: { tags: ['models'], summary: 'One checkpoint', params: Type.Object({ id: CheckpointId }), response: { 200: Checkpoint, ...errors(400, 404) } } },
    async (request) => {
      const checkpoint = fastify.store.checkpoints.get(request.params.id);
      if (!checkpoint) throw notFound(`unknown checkpoint: ${request.params.id}`);
      return checkpoint;
    },
  );
};

export default checkpoints;
