import type { ResultRecord, ResultSummary } from '@mu/schema';

/**
 * The record without `embedding` and without the per-image attack values (results-schema.md §1):
 * what views need to rank and compare before they fetch a record in full.
 */
export function resultSummary(r: ResultRecord): ResultSummary {
  const { embedding: _embedding, attack, ...rest } = r;
  const strip = <T extends { entropy: unknown; confidence: unknown }>(set: T) => {
    const { entropy: _e, confidence: _c, ...kept } = set;
    return kept;
  };
  return { ...rest, attack: attack === null ? null : { subset: strip(attack.subset), full: attack.full === null ? null : strip(attack.full) } };
}
