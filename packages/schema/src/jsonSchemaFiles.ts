import { ResultRecord, ResultSummary } from './result.js';

/**
 * The JSON Schema files of the contract, by file name, as written by scripts/emit-json-schema.ts
 * (draft-07 compatible; TypeBox's symbol keys drop out of JSON).
 *
 *   jsonSchemaFiles()['result.schema.json']
 */
export function jsonSchemaFiles(): Record<string, string> {
  const file = (schema: object) => `${JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', ...schema }, null, 2)}\n`;
  return { 'result.schema.json': file(ResultRecord), 'result-summary.schema.json': file(ResultSummary) };
}
