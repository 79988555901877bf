import { Ajv, type Options } from 'ajv';
import fp from 'fastify-plugin';
import { badRequest } from '../http/apiError.js';
import { schemaErrorMessage } from '../http/schemaErrorMessage.js';

const common: Options = { allErrors: false, verbose: true, strict: false, discriminator: true, allowUnionTypes: true, useDefaults: true, removeAdditional: false };

/**
 * Request validation: bodies are checked as sent (no type coercion, no silent removal of unknown
 * fields); path and query strings are converted to the declared numbers and booleans. A failure
 * answers 400 with one line naming the field, the rule and the value.
 */
export default fp(
  async (fastify) => {
    const strict = new Ajv({ ...common, coerceTypes: false });
    const coercing = new Ajv({ ...common, coerceTypes: 'array' });
    fastify.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? strict : coercing).compile(schema));
    fastify.setSchemaErrorFormatter((errors, dataVar) => badRequest(schemaErrorMessage(errors, dataVar)));
  },
  { name: 'validation', fastify: '5.x' },
);
