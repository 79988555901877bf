import type { ResultHeadline } from '../api/types.js';
import { baseDeleted, type TableRowContext } from './tableRowContext.js';

/**
 * The Base column: the base model under the id its row shows in this table (its record id), so
 * the id matches a row; the checkpoint id only when no row of that model is listed here.
 */
export function BaseCell({ r, ctx }: { r: ResultHeadline; ctx: TableRowContext }) {
  if (r.baseModelId === null) return <td className="mono">–</td>;
  const record = ctx.recordOfModel.get(r.baseModelId);
  const label = record ?? r.baseModelId;
  return (
    <td className="mono" title={record ? `record ${record} (model ${r.baseModelId})` : `model ${r.baseModelId} (no row of it in this class)`}>
      {baseDeleted(r, ctx.knownModels) ? <s title="Base model deleted">{label}</s> : label}
    </td>
  );
}
