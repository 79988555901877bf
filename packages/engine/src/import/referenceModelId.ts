/** Model id shared by every imported Original (results-schema.md §6 rule 4). */
export const REFERENCE_ORIGINAL_ID = 'ref-original';

/** Record id of an import: `ref<fc>-<legacy id>`, e.g. `ref0-285d`. */
export function referenceRecordId(forgetClass: number, legacyId: string): string {
  return `ref${forgetClass}-${legacyId}`;
}

/** Record id of the class's imported Retrained model, `ref<fc>-a00<fc>`. */
export function referenceRetrainedId(forgetClass: number): string {
  return referenceRecordId(forgetClass, `a00${forgetClass}`);
}

/**
 * Base model id from `Base` / `init`: `N/A` → null, `000<fc>` or `0000` → the imported Original,
 * anything else → `ref<fc>-<value>`.
 *
 *   referenceBaseId('0000', 3) // 'ref-original'
 */
export function referenceBaseId(base: string, forgetClass: number): string | null {
  if (base === 'N/A' || base === 'NaN') return null;
  if (base === '0000' || base === `000${forgetClass}`) return REFERENCE_ORIGINAL_ID;
  return referenceRecordId(forgetClass, base);
}
