import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { CIFAR10_REFERENCE_SAMPLE, datasetIds, describeDataset, findDataset, loadDataset, seededEmbeddingSample } from '@mu/engine';
import { notFound } from '../../http/apiError.js';
import { DatasetImages } from '../../images/datasetImages.js';
import { Dataset, errors } from '../../schemas/api.js';

const DatasetId = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,63}$', description: 'dataset id' });

const EmbeddingSampleList = Type.Object({
  sampleId: Type.String({ description: 'the record\'s embedding.sampleId, e.g. cifar10-mini/seeded-2048-200' }),
  indices: Type.Array(Type.Integer(), { description: 'training-set image index of each embedding point, in point order' }),
  trueClass: Type.Array(Type.Integer(), { description: 'training label of each point' }),
});

function describe(id: string): Dataset {
  const d = describeDataset(id);
  const found = findDataset(id);
  const problem = found.location
    ? null
    : found.incomplete.length > 0
      ? `${found.incomplete[0].missing} missing in ${found.incomplete[0].dir}`
      : 'not found on the data search path';
  return {
    id: d.id, label: d.label, numClasses: d.numClasses, classNames: [...d.classNames], splits: { ...d.splits },
    inputShape: [...d.inputShape], available: found.location !== null, problem,
  };
}

function known(id: string): string {
  if (!(datasetIds as readonly string[]).includes(id)) throw notFound(`unknown dataset: ${id} (expected ${datasetIds.join(', ')})`);
  return id;
}

/**
 * GET /api/datasets, GET /api/datasets/:id, and GET /api/datasets/:id/images/:split/:index (PNG,
 * cacheable: the bytes of an index never change for a dataset checksum).
 */
const datasets: FastifyPluginAsyncTypebox = async (fastify) => {
  const images = new DatasetImages();

  fastify.get(
    '',
    { schema: { tags: ['catalog'], summary: 'Datasets the engine knows, and whether this server has their files', response: { 200: Type.Array(Dataset) } } },
    async () => datasetIds.map(describe),
  );

  fastify.get(
    '/:id',
    { schema: { tags: ['catalog'], summary: 'One dataset', params: Type.Object({ id: DatasetId }), response: { 200: Dataset, ...errors(400, 404) } } },
    async (request) => describe(known(request.params.id)),
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
        response: { 200: EmbeddingSampleList, ...errors(400, 404) },
      },
    },
    async (request) => {
      const { id, sample } = request.params;
      const sampleId = `${id}/${sample}`;
      const info = describe(known(id));
      const cached = samples.get(sampleId);
      if (cached) return cached;
      if (!info.available) throw notFound(`dataset ${id} is not available on this server (${info.problem})`);
      let indices: number[];
      const data = await loadDataset(id);
      if (sample === 'reference-2000') {
        if (id !== 'cifar10') throw notFound(`unknown sample: ${sampleId} (reference-2000 exists only for cifar10)`);
        indices = [...CIFAR10_REFERENCE_SAMPLE];
      } else {
        const [, seed, perClass] = /^seeded-(\d+)-(\d+)$/.exec(sample)!.map(Number);
        if (perClass < 1 || seed > 0xffffffff) throw notFound(`unknown sample: ${sampleId} (expected seed ≤ 4294967295 and at least 1 per class)`);
        indices = seededEmbeddingSample(data.train.labels, info.numClasses, perClass, seed);
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
          split: Type.Union([Type.Literal('train'), Type.Literal('test')]),
          index: Type.Integer({ minimum: 0, maximum: 10_000_000 }),
        }),
        response: { 200: Type.Unsafe({ description: 'image/png' }), 304: Type.Null({ description: 'not modified' }), ...errors(400, 404) },
      },
    },
    async (request, reply) => {
      const { id, split, index } = request.params;
      const info = describe(known(id));
      if (!info.available) throw notFound(`dataset ${id} is not available on this server (${info.problem})`);
      const image = await images.get(id, split, index);
      reply.header('etag', image.etag).header('cache-control', 'public, max-age=86400, immutable');
      if (request.headers['if-none-match'] === image.etag) return reply.code(304).send(null);
      return reply.type('image/png').send(image.png);
    },
  );
};

export default datasets;
