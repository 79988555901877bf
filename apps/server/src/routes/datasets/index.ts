import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { CIFAR10_REFERENCE_SAMPLE, datasetIds, seededEmbeddingSample } from '@mu/engine';
import { badRequest, notFound } from '../../http/apiError.js';
import { DatasetImages } from '../../images/datasetImages.js';
import { DatasetStatus } from '../../datasets/datasetStatus.js';
import { SPRITE_COLUMNS } from '../../images/spriteSheet.js';
import { CatalogId, Dataset, errors } from '../../schemas/api.js';

const DatasetId = CatalogId('dataset id');

/** The most images one sprite sheet holds (64 rows of 16). */
const MAX_SPRITE_TILES = 1024;

const Split = Type.Union([Type.Literal('train'), Type.Literal('test')], { description: 'train (the default for thumbnails) or test' });

const EmbeddingSampleList = Type.Object({
  sampleId: Type.String({ description: 'the record\'s embedding.sampleId, e.g. cifar10-mini/seeded-2048-200' }),
  indices: Type.Array(Type.Integer(), { description: 'training-set image index of each embedding point, in point order' }),
  trueClass: Type.Array(Type.Integer(), { description: 'training label of each point' }),
});

/**
 * GET /api/datasets, GET /api/datasets/:id, GET /api/datasets/:id/images/:split/:index (PNG) and
 * GET /api/datasets/:id/thumbnails (many images as one PNG sprite sheet). Images are cacheable
 * for good: the bytes of an index never change for a dataset checksum. A dataset whose files are
 * corrupt is reported unavailable (with the reason) and its images answer 503.
 */
const datasets: FastifyPluginAsyncTypebox = async (fastify) => {
  const status = new DatasetStatus();
  const images = new DatasetImages(status);

  fastify.get(
    '',
    { schema: { tags: ['catalog'], summary: 'Datasets the engine knows, and whether this server has their files', response: { 200: Type.Array(Dataset) } } },
    async () => datasetIds.map((id) => status.describe(id)),
  );

  fastify.get(
    '/:id',
    {
      schema: {
        tags: ['catalog'],
        summary: 'One dataset; its files are read and checked on first use, and a corrupt copy is reported unavailable with the reason',
        params: Type.Object({ id: DatasetId }),
        response: { 200: Dataset, ...errors(400, 404) },
      },
    },
    async (request) => status.verify(request.params.id),
  );

  const samples = new Map<string, { sampleId: string; indices: number[]; trueClass: number[] }>();
  fastify.get(
    '/:id/samples/:sample',
    {
      schema: {
        tags: ['catalog'],
        summary: 'The image indices and labels of an embedding sample (a record\'s embedding.sampleId is "<dataset>/<sample>")',
        params: Type.Object({
          id: DatasetId,
          sample: Type.String({ pattern: '^(reference-2000|seeded-[0-9]{1,10}-[0-9]{1,5})$', description: 'reference-2000 (cifar10) or seeded-<seed>-<perClass>' }),
        }),
        response: { 200: EmbeddingSampleList, ...errors(400, 404, 503) },
      },
    },
    async (request) => {
      const { id, sample } = request.params;
      const sampleId = `${id}/${sample}`;
      const data = await status.load(id);
      const cached = samples.get(sampleId);
      if (cached) return cached;
      let indices: number[];
      if (sample === 'reference-2000') {
        if (id !== 'cifar10') throw notFound(`unknown sample: ${sampleId} (reference-2000 exists only for cifar10)`);
        indices = [...CIFAR10_REFERENCE_SAMPLE];
      } else {
        const [, seed, perClass] = /^seeded-(\d+)-(\d+)$/.exec(sample)!.map(Number);
        if (perClass < 1 || seed > 0xffffffff) throw notFound(`unknown sample: ${sampleId} (expected seed ≤ 4294967295 and at least 1 per class)`);
        indices = seededEmbeddingSample(data.train.labels, data.descriptor.numClasses, perClass, seed);
      }
      const entry = { sampleId, indices, trueClass: indices.map((i) => data.train.labels[i]) };
      if (samples.size > 16) samples.delete(samples.keys().next().value!);
      samples.set(sampleId, entry);
      return entry;
    },
  );

  fastify.get(
    '/:id/images/:split/:index',
    {
      schema: {
        tags: ['catalog'],
        summary: 'One image as PNG',
        params: Type.Object({
          id: DatasetId,
          split: Split,
          index: Type.Integer({ minimum: 0, maximum: 10_000_000 }),
        }),
        response: { 200: Type.Unsafe({ description: 'image/png' }), 304: Type.Null({ description: 'not modified' }), ...errors(400, 404, 503) },
      },
    },
    async (request, reply) => {
      const { id, split, index } = request.params;
      const image = await images.get(id, split, index);
      reply.header('etag', image.etag).header('cache-control', 'public, max-age=86400, immutable');
      if (request.headers['if-none-match'] === image.etag) return reply.code(304).send(null);
      return reply.type('image/png').send(image.png);
    },
  );

  fastify.get(
    '/:id/thumbnails',
    {
      schema: {
        tags: ['catalog'],
        summary: `Many images as one PNG sprite sheet (at most ${MAX_SPRITE_TILES})`,
        description:
          `Tiles in a fixed grid of ${SPRITE_COLUMNS} columns: the image indices[k] is tile k, at column k mod ${SPRITE_COLUMNS} ` +
          `and row floor(k / ${SPRITE_COLUMNS}), each tile the dataset's image size (inputShape, e.g. 32 × 32 for CIFAR-10), ` +
          `so the sheet is ${SPRITE_COLUMNS} tiles wide and ceil(n / ${SPRITE_COLUMNS}) tiles high; unused tiles of the last row are black. ` +
          'The x-sprite-columns header repeats the column count.',
        params: Type.Object({ id: DatasetId }),
        querystring: Type.Object(
          {
            split: Type.Optional(Split),
            indices: Type.String({ pattern: '^[0-9]{1,8}(,[0-9]{1,8})*$', description: `comma-separated image indices, 1 to ${MAX_SPRITE_TILES}, in tile order` }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Unsafe({ description: 'image/png: the sprite sheet' }), 304: Type.Null({ description: 'not modified' }), ...errors(400, 404, 503) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const split = request.query.split ?? 'train';
      const indices = request.query.indices.split(',').map(Number);
      if (indices.length > MAX_SPRITE_TILES) throw badRequest(`too many indices: ${indices.length} (at most ${MAX_SPRITE_TILES} per sprite sheet)`);
      const sprite = await images.sprite(id, split, indices);
      reply.header('etag', sprite.etag).header('cache-control', 'public, max-age=31536000, immutable').header('x-sprite-columns', String(SPRITE_COLUMNS));
      if (request.headers['if-none-match'] === sprite.etag) return reply.code(304).send(null);
      return reply.type('image/png').send(sprite.png);
    },
  );
};

export default datasets;
