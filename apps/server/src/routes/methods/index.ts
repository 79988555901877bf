import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { listMethods, methodRegistry } from '@mu/engine';
import type { MethodDescriptor } from '@mu/schema';
import { errors, MethodInfo } from '../../schemas/api.js';
import { notFound } from '../../http/apiError.js';

const MethodId = Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$', maxLength: 64 });

/** GET /api/methods, GET /api/methods/:id — descriptors of built-in and custom methods, for forms and checks. */
const methods: FastifyPluginAsyncTypebox = async (fastify) => {
  const info = (descriptor: MethodDescriptor) => ({
    ...descriptor,
    builtIn: fastify.builtInMethodIds.has(descriptor.id),
  });

  fastify.get(
    '',
    { schema: { tags: ['catalog'], summary: 'Every unlearning method and its hyperparameters', response: { 200: Type.Array(MethodInfo) } } },
    async () => listMethods().map((m) => info(m.descriptor)),
  );

  fastify.get(
    '/:id',
    { schema: { tags: ['catalog'], summary: 'One method descriptor', params: Type.Object({ id: MethodId }), response: { 200: MethodInfo, ...errors(400, 404) } } },
    async (request) => {
      if (!methodRegistry.has(request.params.id)) throw notFound(`unknown method: ${request.params.id} (expected ${listMethods().map((m) => m.descriptor.id).join(', ')})`);
      return info(methodRegistry.get(request.params.id).descriptor);
    },
  );
};

export default methods;
