import { Ajv, type ValidateFunction } from 'ajv';

/**
 * An ajv validator compiled on its first use. Ajv turns a schema into generated code (`new
 * Function`), which a page whose Content-Security-Policy has no 'unsafe-eval' refuses; compiling
 * lazily keeps importing this package (the web app does) free of generated code.
 *
 *   const check = lazyValidator<ResultRecord>(ResultRecordSchema); check()(x)
 */
export function lazyValidator<T>(schema: object): () => ValidateFunction<T> {
  let compiled: ValidateFunction<T> | null = null;
  return () => (compiled ??= new Ajv({ allErrors: false, strict: true, allowUnionTypes: true }).compile<T>(schema));
}
