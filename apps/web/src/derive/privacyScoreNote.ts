/**
 * Why a record has no privacy score ("–"): it is measured by attacking the model against the
 * Retrained model of its class, so without one it waits for it.
 */
export function privacyScoreNote(r: { references: { retrainedModelId: string | null }; attack: unknown }): string {
  if (r.references.retrainedModelId === null) return 'waits for a Retrained model of this class: train it, then evaluate this model again';
  if (r.attack === null) return 'no attack data in this record';
  return 'not measured for this record';
}

/** The table's hint on a "–" privacy score, where the row does not say which case it is. */
export const PS_MISSING_HINT = 'No privacy score: it is measured by attacking the model against the Retrained model of this class; it waits for one (train it, then evaluate again) or the record has no attack data.';
