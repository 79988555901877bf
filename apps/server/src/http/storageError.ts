import { ApiError } from './apiError.js';

const NO_SPACE = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL']);
const READ_ONLY = new Set(['EROFS', 'SQLITE_READONLY']);
const NOT_WRITABLE = new Set(['EACCES', 'EPERM']);
const MISSING = new Set(['ENOENT', 'ENOTDIR', 'SQLITE_CANTOPEN']);
const IO = new Set(['EIO', 'SQLITE_IOERR']);

/**
 * The one mapping of storage failures — Node file-system errors (errno codes, with the system
 * call that failed) and SQLite result codes — to HTTP errors: 507 when the disk is full, 503 when
 * the data folder is read-only, not writable, missing or failing. The message names the
 * condition, never the path. Anything else is not a storage failure: null.
 *
 *   storageError(Object.assign(new Error('…'), { code: 'ENOSPC', syscall: 'write' }))?.statusCode // 507
 */
export function storageError(error: unknown): ApiError | null {
  const { code, syscall } = (error ?? {}) as { code?: unknown; syscall?: unknown };
  if (typeof code !== 'string') return null;
  const isSqlite = code.startsWith('SQLITE_');
  if (!isSqlite && typeof syscall !== 'string') return null;
  // SQLite extended codes (SQLITE_READONLY_DBMOVED, SQLITE_IOERR_WRITE…) share their primary code's meaning.
  const primary = isSqlite ? code.split('_').slice(0, 2).join('_') : code;
  if (NO_SPACE.has(primary)) return new ApiError(507, "insufficient storage: the server's disk is full (nothing was saved)");
  if (READ_ONLY.has(primary)) return new ApiError(503, "storage unavailable: the server's data folder is read-only (nothing was saved)");
  if (NOT_WRITABLE.has(primary)) return new ApiError(503, "storage unavailable: the server's data folder is not writable (permission denied; nothing was saved)");
  if (MISSING.has(primary)) return new ApiError(503, "storage unavailable: a folder of the server's data folder is missing (nothing was saved)");
  if (IO.has(primary)) return new ApiError(503, "storage unavailable: the server's disk reported an I/O error (nothing was saved)");
  return null;
}
