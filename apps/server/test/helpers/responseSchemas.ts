import { Ajv, type ValidateFunction } from 'ajv';
import type { FastifyInstance } from 'fastify';

/**
 * Validates every JSON response body against its route's TypeBox response schema, before
 * serialisation. Fastify itself uses response schemas only to serialise (which would quietly turn a
 * null into 0 or drop an unknown field), so this is what makes "every response matches its
 * schema" a tested claim. Returns the list it fills with one line per violation.
 */
export function watchResponseSchemas(server: FastifyInstance): string[] {
  const ajv = new Ajv({ strict: true, allowUnionTypes: true });
  const compiled = new Map<object, ValidateFunction>();
  const violations: string[] = [];
  server.addHook('preSerialization', async (request, reply, payload) => {
    const responses = request.routeOptions.schema?.response as Record<string, object> | undefined;
    const status = String(reply.statusCode);
    const schema = responses?.[status] ?? responses?.[`${status[0]}xx`] ?? responses?.default;
    const route = `${request.method} ${request.routeOptions.url ?? request.url} → ${status}`;
    if (!schema) {
      // Errors share one format (the error handler); every successful JSON answer of the API needs a schema.
      if (reply.statusCode < 400 && request.url.startsWith('/api/')) violations.push(`${route}: no response schema`);
      return payload;
    }
    let validate = compiled.get(schema);
    if (!validate) compiled.set(schema, (validate = ajv.compile(schema)));
    if (!validate(payload)) violations.push(`${route}: ${ajv.errorsText(validate.errors)}`);
    return payload;
  });
  return violations;
}
