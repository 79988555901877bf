import type { ResultRecord } from '../api/types.js';

/**
 * Why an attack panel has nothing to draw, or null when it can draw: the model has no attack
 * data (an imported record without it), no Retrained model was named for it, or the Retrained
 * record it names lacks attack data. `loading`: the Retrained record is still on its way.
 */
export function attackEmptyReason(rec: ResultRecord, ret: ResultRecord | null, loading: boolean): string | null {
  if (!rec.attack) return `${rec.id} has no attack data: it was ${rec.provenance.source === 'import' ? 'imported from a results file without it' : 'evaluated without the attack'}. Import its weights to evaluate it here.`;
  const retId = rec.references.retrainedModelId;
  if (retId === null) return `${rec.id} was evaluated without a Retrained model of its class, so there is nothing to attack it against. Train the Retrained model, then run the method again.`;
  if (ret && !ret.attack) return `The Retrained model ${ret.id} has no attack data (imported without it), so ${rec.id} cannot be attacked against it.`;
  if (!ret && !loading) return `The Retrained record ${retId} that ${rec.id} was attacked against is not available here (deleted?).`;
  return null;
}
