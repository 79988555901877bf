import { createReadStream, existsSync } from 'node:fs';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { checkpointAsPytorch, checkpointPaths } from '@mu/engine';
import { Type } from '@sinclair/typebox';
import { badRequest, notFound } from '../../http/apiError.js';
import { CatalogId, Checkpoint, errors } from '../../schemas/api.js';

const CheckpointId = Type.String({ pattern: '^[0-9a-f]{8}$', description: '8 lower-case hex characters' });

/**
 * GET /api/checkpoints, GET /api/checkpoints/:id — the weights the server holds (trained here or
 * uploaded); GET /api/checkpoints/:id/weights — the weights as a download (ours, .pth or .safetensors);
 * POST /api/checkpoints/:id/designate — make an Original or Retrained model the reference of its kind.
 */
const checkpoints: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '',
    {
      schema: {
        tags: ['models'],
        summary: 'Checkpoints, newest first',
        querystring: Type.Object(
          {
            dataset: Type.Optional(CatalogId('dataset id')),
            architecture: Type.Optional(CatalogId('architecture id')),
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

  fastify.get(
    '/:id/weights',
    {
      schema: {
        tags: ['models'],
        summary:
          'The weights of a checkpoint as a download: `bin` (default) our file, float32 little-endian tensors back to back in the order GET /api/checkpoints/:id lists; `pth` or `safetensors` a PyTorch state dict with torchvision tensor names (torch.load(path, weights_only=True) reads the .pth)',
        params: Type.Object({ id: CheckpointId }),
        querystring: Type.Object(
          { format: Type.Optional(Type.Union([Type.Literal('bin'), Type.Literal('pth'), Type.Literal('safetensors')], { default: 'bin' })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Unsafe({ description: 'application/octet-stream attachment' }), ...errors(400, 404) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      if (!fastify.store.checkpoints.get(id)) throw notFound(`unknown checkpoint: ${id}`);
      const paths = checkpointPaths(fastify.store.checkpointDir, id);
      if (!existsSync(paths.weights)) throw notFound(`checkpoint ${id} has no weights file`);
      const format = request.query.format ?? 'bin';
      const download = (name: string) => reply.type('application/octet-stream').header('content-disposition', `attachment; filename="${name}"`);
      if (format === 'bin') return download(`${id}.weights.bin`).send(createReadStream(paths.weights));
      const { bytes } = await checkpointAsPytorch(paths.meta, format);
      return download(`${id}.${format}`).send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    },
  );

  fastify.post(
    '/:id/designate',
    {
      schema: {
        tags: ['models'],
        summary: 'Designate an Original (of its dataset and architecture) or a Retrained model (of its class) as the reference that unlearning runs and attacks use',
        params: Type.Object({ id: CheckpointId }),
        response: { 200: Checkpoint, ...errors(400, 404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      const checkpoint = fastify.store.checkpoints.get(id);
      if (!checkpoint) throw notFound(`unknown checkpoint: ${id}`);
      if (checkpoint.role === 'unlearned') throw badRequest(`checkpoint ${id} is an unlearned model; only Original and Retrained models can be designated as references`);
      fastify.store.checkpoints.designate(id);
      return checkpoint;
    },
  );
};

export default checkpoints;
