/**
 * An error whose message is meant for the client: the error handler answers with its status and
 * message (one line naming the problem). Anything else that is thrown becomes a logged 500.
 *
 *   throw notFound(`unknown result: ${id}`);
 */
export class ApiError extends Error {
  constructor(readonly statusCode: number, message: string) {
    super(message);
    this.name = 'ApiError';
  }
}

export const badRequest = (message: string) => new ApiError(400, message);
export const notFound = (message: string) => new ApiError(404, message);
export const conflict = (message: string) => new ApiError(409, message);
export const payloadTooLarge = (message: string) => new ApiError(413, message);

/** Runs `fn`; an Error it throws becomes an ApiError with the status (its message kept). */
export function as<T>(statusCode: number, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError(statusCode, error instanceof Error ? error.message.split('\n')[0] : String(error));
  }
}
