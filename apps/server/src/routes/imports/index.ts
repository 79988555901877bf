import path from 'node:path';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { newId } from '@mu/engine';
import { ApiError, badRequest, payloadTooLarge } from '../../http/apiError.js';
import { checkUploadedCheckpoint } from '../../imports/checkUploadedCheckpoint.js';
import { cifar10Labels } from '../../imports/cifar10Labels.js';
import { importResultFiles, type UploadedFile } from '../../imports/importResultFiles.js';
import { Checkpoint, errors, ImportReport } from '../../schemas/api.js';

/** Reference result files are about 0.65 MB; this leaves room and stops a runaway upload early. */
const RESULT_FILE_LIMIT = 16 * 1024 * 1024;
const MAX_RESULT_FILES = 100;
const META_LIMIT = 4 * 1024 * 1024;

const multipartBody = (description: string) => ({
  consumes: ['multipart/form-data'],
  description,
});

/** The name of an uploaded file as it may be kept in provenance: its base name, printable characters only. */
function cleanName(name: string | undefined): string {
  const base = path.basename(String(name ?? '').replaceAll('\\', '/'));
  return base.replace(/[^\w.\- ]/g, '_').slice(0, 120) || 'upload';
}

async function readFile(part: MultipartFile, limit: number): Promise<Buffer> {
  try {
    const buffer = await part.toBuffer();
    if (buffer.length > limit) throw payloadTooLarge(`file ${cleanName(part.filename)} is larger than the upload limit (${limit} bytes)`);
    return buffer;
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw payloadTooLarge(`file ${cleanName(part.filename)} is larger than the upload limit (${limit} bytes)`);
    }
    throw error;
  }
}

function requireMultipart(request: FastifyRequest): void {
  if (!request.isMultipart()) throw new ApiError(415, 'expected a multipart/form-data upload');
}

/**
 * POST /api/imports/results — reference-system result files (field `files`, one or more; both
 * schemas); the same id again replaces the earlier import. POST /api/imports/checkpoints —
 * external weights in our checkpoint format (fields `meta` and `weights`), size-limited.
 */
const imports: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post(
    '/results',
    {
      schema: {
        tags: ['imports'],
        summary: 'Import reference-system result files',
        ...multipartBody('multipart/form-data with one or more result files (any field name)'),
        response: { 201: ImportReport, ...errors(400, 413, 415) },
      },
    },
    async (request, reply) => {
      requireMultipart(request);
      const limit = Math.min(RESULT_FILE_LIMIT, fastify.config.uploadLimit);
      const files: UploadedFile[] = [];
      for await (const part of request.files({ limits: { fileSize: limit, files: MAX_RESULT_FILES } })) {
        files.push({ fileName: cleanName(part.filename), text: (await readFile(part, limit)).toString('utf8') });
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
    '/checkpoints',
    {
      schema: {
        tags: ['imports'],
        summary: 'Upload a checkpoint (our format) under a new id',
        ...multipartBody('multipart/form-data with fields `meta` (<id>.json) and `weights` (<id>.weights.bin)'),
        response: { 201: Checkpoint, ...errors(400, 413, 415) },
      },
    },
    async (request, reply) => {
      requireMultipart(request);
      const limit = fastify.config.uploadLimit;
      let metaText: string | null = null;
      let weights: Buffer | null = null;
      for await (const part of request.files({ limits: { fileSize: limit, files: 2 } })) {
        if (part.fieldname === 'meta') metaText = (await readFile(part, META_LIMIT)).toString('utf8');
        else if (part.fieldname === 'weights') weights = await readFile(part, limit);
        else throw badRequest(`unexpected upload field ${cleanName(part.fieldname)} (expected meta and weights)`);
      }
      if (metaText === null || weights === null) throw badRequest(`upload is missing the ${metaText === null ? 'meta' : 'weights'} file`);
      const meta = checkUploadedCheckpoint(metaText, weights);
      let id = newId();
      while (fastify.store.checkpoints.get(id)) id = newId();
      const config = { ...meta.config, upload: { originalId: String(meta.id).slice(0, 64), originalCreatedAt: String(meta.createdAt).slice(0, 40) } };
      await fastify.store.importCheckpoint({ ...meta, id, createdAt: new Date().toISOString(), config }, weights);
      return reply.code(201).send(fastify.store.checkpoints.get(id)!);
    },
  );
};

export default imports;
