import { STATUS_CODES } from 'node:http';
import { redactPaths } from './redactPaths.js';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
}

/**
 * The one error format of every answer ≥ 400, router-level ones included: the status, its name
 * and a message of one line without control characters or file-system paths.
 *
 *   errorBody(404, 'unknown result: ref0-ffff') // { statusCode: 404, error: 'Not Found', message: 'unknown result: ref0-ffff' }
 */
export function errorBody(statusCode: number, message: string): ErrorBody {
  const line = message.split('\n')[0].replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, 500);
  return { statusCode, error: STATUS_CODES[statusCode] ?? (statusCode < 500 ? 'Client Error' : 'Server Error'), message: redactPaths(line) };
}
