import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import { ApiError, badRequest, payloadTooLarge } from '../http/apiError.js';

export interface UploadedPart {
  /** The form field, printable characters only. */
  field: string;
  /** The file's base name, printable characters only. */
  fileName: string;
  content: Buffer;
}

/** The name of an uploaded file or field as it may be kept or shown: its base name, printable characters only. */
export function cleanName(name: string | undefined): string {
  const base = path.basename(String(name ?? '').replaceAll('\\', '/'));
  return base.replace(/[^\w.\- ]/g, '_').slice(0, 120) || 'upload';
}

/**
 * The files of a multipart/form-data upload, each read whole, with every way an upload goes
 * wrong answered as a 4xx: not multipart (415), a file over `fileSize` (413), or a malformed
 * body — no boundary, garbage, a cut-off part — (400) instead of the parser's bare error.
 *
 *   for await (const part of uploadedFiles(request, { fileSize: 1 << 20, files: 2 })) …
 */
export async function* uploadedFiles(request: FastifyRequest, limits: { fileSize: number; files: number }): AsyncGenerator<UploadedPart> {
  if (!request.isMultipart()) throw new ApiError(415, 'expected a multipart/form-data upload');
  let fileName = 'upload';
  try {
    for await (const part of request.files({ limits })) {
      fileName = cleanName(part.filename);
      yield { field: cleanName(part.fieldname), fileName, content: await part.toBuffer() };
    }
  } catch (error) {
    throw uploadError(error, fileName, limits.fileSize);
  }
}

function uploadError(error: unknown, fileName: string, limit: number): Error {
  if (error instanceof ApiError) return error;
  const { code, statusCode } = error as { code?: string; statusCode?: number };
  if (code === 'FST_REQ_FILE_TOO_LARGE') return payloadTooLarge(`file ${fileName} is larger than the upload limit (${limit} bytes)`);
  if (statusCode !== undefined && statusCode >= 400 && statusCode < 500) return new ApiError(statusCode, (error as Error).message);
  return badRequest('malformed multipart/form-data upload (no boundary, a cut-off part, or not multipart at all)');
}
