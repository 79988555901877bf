import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ARCHITECTURES } from '@mu/engine';
import { Architecture } from '../../schemas/api.js';

/** GET /api/architectures */
const architectures: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '',
    { schema: { tags: ['catalog'], summary: 'Architectures models can be trained with', response: { 200: Type.Array(Architecture) } } },
    async () => ARCHITECTURES.map((a) => ({ ...a })),
  );
};

export default architectures;
