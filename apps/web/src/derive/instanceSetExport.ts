import type { EmbeddingPoints } from './embeddingPoints.js';
import type { InstanceRow } from './instanceSet.js';

/** Whether the rows name dataset images, or only positions in the embedding sample. */
const indexKind = (rows: readonly InstanceRow[]) => (rows.every((r) => r.image !== null) ? 'image' : 'samplePosition');

/** The selected instances as JSON: the label, the expression code, the count and the indices. */
export function instanceSetJson(rows: readonly InstanceRow[], label: string, expression: string): string {
  return JSON.stringify({ label, expression, count: rows.length, indexKind: indexKind(rows), indices: rows.map((r) => r.image ?? r.key) }, null, 2);
}

/** The selected instances as CSV: index, true class and both predictions (empty where a model lacks the instance). */
export function instanceSetCsv(rows: readonly InstanceRow[], a: EmbeddingPoints, b: EmbeddingPoints): string {
  const head = `${indexKind(rows) === 'image' ? 'image_index' : 'sample_position'},true_class,pred_a,pred_b`;
  const cell = (p: EmbeddingPoints, i: number) => (i < 0 ? '' : String(p.pred[i]));
  return [head, ...rows.map((r) => `${r.image ?? r.key},${r.trueClass},${cell(a, r.a)},${cell(b, r.b)}`)].join('\n') + '\n';
}
