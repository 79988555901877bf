import type { ResultRecord } from '@mu/schema';

const FIXED: [string, (r: ResultRecord) => unknown][] = [
  ['id', (r) => r.id],
  ['modelId', (r) => r.modelId],
  ['role', (r) => r.role],
  ['label', (r) => r.label],
  ['createdAt', (r) => r.createdAt],
  ['dataset', (r) => r.config.dataset.id],
  ['architecture', (r) => r.config.architecture.id],
  ['forgetClass', (r) => r.config.forgetClass],
  ['method', (r) => r.config.method.id],
  ['methodVersion', (r) => r.config.method.version],
  ['seed', (r) => r.config.seed],
  ['baseModelId', (r) => r.config.baseModelId],
  ['UA', (r) => r.metrics.UA],
  ['RA', (r) => r.metrics.RA],
  ['TUA', (r) => r.metrics.TUA],
  ['TRA', (r) => r.metrics.TRA],
  ['PS', (r) => r.metrics.PS],
  ['psBasis', (r) => r.metrics.psBasis],
  ['RTE', (r) => r.metrics.RTE],
  ['source', (r) => r.provenance.source],
  ['warnings', (r) => r.warnings.join('; ')],
];

/**
 * One row per record: identity, configuration, the headline metrics, then one `hp.<key>` column
 * per hyperparameter of any record (empty where a record has none). RFC 4180 quoting, CRLF line
 * ends; text that a spreadsheet would run as a formula (=, +, -, @) gets a leading apostrophe.
 *
 *   resultsCsv([record]).split('\r\n')[0] // "id,modelId,role,…,hp.batchSize,hp.epochs,hp.lr"
 */
export function resultsCsv(records: readonly ResultRecord[]): string {
  const keys = [...new Set(records.flatMap((r) => Object.keys(r.config.hyperparameters)))].sort();
  const header = [...FIXED.map(([name]) => name), ...keys.map((k) => `hp.${k}`)];
  const rows = records.map((r) => [...FIXED.map(([, get]) => get(r)), ...keys.map((k) => r.config.hyperparameters[k])]);
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
