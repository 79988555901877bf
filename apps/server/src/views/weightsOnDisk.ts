/**
 * A stored list row (headline) or record with `weightsAvailable` / `weights.available` following
 * the checkpoint folder as it is now: a record stored while its weights existed says false once
 * the weights file is gone. Rows whose flag is already false come back unchanged (and unparsed).
 *
 *   weightsOnDisk(row, 'headline', 'a1b2c3d4', new Set()) // the row with "weightsAvailable": false
 */
export function weightsOnDisk(json: string, view: 'headline' | 'record', modelId: string, present: ReadonlySet<string>): string {
  if (present.has(modelId)) return json;
  // JSON.stringify writes these flags without spaces and `weights` with `available` first.
  const claimed = view === 'headline' ? '"weightsAvailable":true' : '"weights":{"available":true';
  if (!json.includes(claimed)) return json;
  const value = JSON.parse(json) as { weightsAvailable?: boolean; weights?: { available: boolean } };
  if (view === 'headline') value.weightsAvailable = false;
  else value.weights!.available = false;
  return JSON.stringify(value);
}
