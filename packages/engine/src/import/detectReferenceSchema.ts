export type ReferenceSchema = 'reference-current' | 'reference-2025';

/**
 * Which reference-system schema a parsed file follows: `ID` → current, `id` → the older
 * (2025) one; anything else is not a reference result file (results-schema.md §6 rule 1).
 *
 *   detectReferenceSchema({ ID: '0000', … }) // 'reference-current'
 */
export function detectReferenceSchema(file: unknown): ReferenceSchema {
  if (typeof file === 'object' && file !== null && !Array.isArray(file)) {
    if ('ID' in file) return 'reference-current';
    if ('id' in file) return 'reference-2025';
  }
  throw new Error('not a reference result file: no ID or id field');
}
