import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ClassIndex } from '@mu/schema';
import { Type } from '@sinclair/typebox';
import { newId, weightsChecksum } from '@mu/engine';
import { badRequest, payloadTooLarge } from '../../http/apiError.js';
import { checkUploadedCheckpoint } from '../../imports/checkUploadedCheckpoint.js';
import { cifar10Labels } from '../../imports/cifar10Labels.js';
import { importResultFiles, type UploadedFile } from '../../imports/importResultFiles.js';
import { uploadedFiles } from '../../imports/multipartUpload.js';
import { Checkpoint, errors, ImportReport } from '../../schemas/api.js';
import { ImportRole, Job } from '../../schemas/job.js';

/** Reference result files are about 0.65 MB; this leaves room and stops a runaway upload early. */
const RESULT_FILE_LIMIT = 16 * 1024 * 1024;
const MAX_RESULT_FILES = 100;
const META_LIMIT = 4 * 1024 * 1024;

const multipartBody = (description: string) => ({
  consumes: ['multipart/form-data'],
  description,
});

/**
 * POST /api/imports/results — reference-system result files (field `files`, one or more; both
 * schemas); the same id again replaces the earlier import. POST /api/imports/checkpoints —
 * external weights in our checkpoint format (fields `meta` and `weights`), size-limited.
 * POST /api/imports/weights — PyTorch weights, evaluated by a job of kind `import`.
 */
const imports: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post(
    '/results',
    {
      schema: {
        tags: ['imports'],
        summary: 'Import reference-system result files',
        ...multipartBody('multipart/form-data with one or more result files (any field name)'),
        response: { 201: ImportReport, ...errors(400, 413, 415, 503, 507) },
      },
    },
    async (request, reply) => {
      const limit = Math.min(RESULT_FILE_LIMIT, fastify.config.uploadLimit);
      const files: UploadedFile[] = [];
      for await (const part of uploadedFiles(request, { fileSize: limit, files: MAX_RESULT_FILES })) {
        files.push({ fileName: part.fileName, text: part.content.toString('utf8') });
      }
      if (files.length === 0) throw badRequest('no file in the upload (send result files as multipart/form-data)');
      const records = await importResultFiles(files, fastify.store, cifar10Labels);
      const stored = fastify.store.importResults(records);
      return reply.code(201).send({
        imported: records.map((r, i) => ({
          id: r.id,
          fileName: r.provenance.importedFrom?.fileName ?? '',
          role: r.role,
          method: r.config.method.id,
          replaced: stored[i].replaced,
          warnings: r.warnings,
        })),
      });
    },
  );

  fastify.post(
    '/weights',
    {
      schema: {
        tags: ['imports'],
        summary: 'Import PyTorch weights (.pth or .safetensors, torchvision tensor names): checked at once, then measured and evaluated by a job',
        ...multipartBody('multipart/form-data with one file: a torch.save(state_dict) .pth (zip format) or a .safetensors file'),
        querystring: Type.Object(
          {
            dataset: Type.String({ minLength: 1, maxLength: 64 }),
            architecture: Type.String({ minLength: 1, maxLength: 64 }),
            role: Type.Optional(ImportRole),
            forgetClass: Type.Optional(ClassIndex),
          },
          { additionalProperties: false },
        ),
        response: { 201: Job, ...errors(400, 409, 413, 415, 503, 507) },
      },
    },
    async (request, reply) => {
      let upload: { fileName: string; bytes: Buffer } | null = null;
      for await (const part of uploadedFiles(request, { fileSize: fastify.config.uploadLimit, files: 1 })) {
        upload = { fileName: part.fileName, bytes: part.content };
      }
      if (!upload) throw badRequest('no file in the upload (send one .pth or .safetensors file as multipart/form-data)');
      const { dataset, architecture, role = 'unlearned', forgetClass = null } = request.query;
      const spec = { kind: 'import' as const, dataset, architecture, role, forgetClass, fileName: upload.fileName };
      return reply.code(201).send(await fastify.jobs.createImport(spec, upload.bytes));
    },
  );

  fastify.post(
    '/checkpoints',
    {
      schema: {
        tags: ['imports'],
        summary: 'Upload a checkpoint (our format) under a new id',
        ...multipartBody('multipart/form-data with fields `meta` (<id>.json) and `weights` (<id>.weights.bin)'),
        response: { 201: Checkpoint, ...errors(400, 413, 415, 503, 507) },
      },
    },
    async (request, reply) => {
      let metaText: string | null = null;
      let weights: Buffer | null = null;
      for await (const part of uploadedFiles(request, { fileSize: fastify.config.uploadLimit, files: 2 })) {
        if (part.field === 'meta') {
          if (part.content.length > META_LIMIT) throw payloadTooLarge(`file ${part.fileName} is larger than the metadata limit (${META_LIMIT} bytes)`);
          metaText = part.content.toString('utf8');
        } else if (part.field === 'weights') weights = part.content;
        else throw badRequest(`unexpected upload field ${part.field} (expected meta and weights)`);
      }
      if (metaText === null || weights === null) throw badRequest(`upload is missing the ${metaText === null ? 'meta' : 'weights'} file`);
      const meta = checkUploadedCheckpoint(metaText, weights);
      let id = newId();
      while (fastify.store.checkpoints.get(id)) id = newId();
      const config = { ...meta.config, upload: { originalId: String(meta.id).slice(0, 64), originalCreatedAt: String(meta.createdAt).slice(0, 40) } };
      await fastify.store.importCheckpoint({ ...meta, id, createdAt: new Date().toISOString(), config, weightsSha256: weightsChecksum(weights) }, weights);
      return reply.code(201).send(fastify.store.checkpoints.get(id)!);
    },
  );
};

export default imports;
