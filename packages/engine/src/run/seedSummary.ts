import { type MeanSd, meanSd, type ResultRecord } from '@mu/schema';

export const SUMMARY_METRICS = ['UA', 'RA', 'TUA', 'TRA', 'PS', 'RTE'] as const;
type SummaryMetric = (typeof SUMMARY_METRICS)[number];

export interface SeedSummaryRow {
  /** `original`, `retrained`, or the method id. */
  name: string;
  seeds: (number | null)[];
  stats: Record<SummaryMetric, MeanSd | null>;
}

/**
 * Mean ± sd of the headline metrics per method over its seeds (and one row each for the Original
 * and the Retrained model), in the order the records first name them. Missing metrics are left out.
 */
export function seedSummary(records: readonly ResultRecord[]): SeedSummaryRow[] {
  const groups = new Map<string, ResultRecord[]>();
  for (const r of records) {
    const name = r.role === 'unlearned' ? r.config.method.id : r.role;
    groups.set(name, [...(groups.get(name) ?? []), r]);
  }
  return [...groups].map(([name, members]) => ({
    name,
    seeds: members.map((m) => m.config.seed),
    stats: Object.fromEntries(
      SUMMARY_METRICS.map((k) => [k, meanSd(members.map((m) => m.metrics[k]).filter((v): v is number => v !== null))]),
    ) as SeedSummaryRow['stats'],
  }));
}

const cell = (s: MeanSd | null, digits: number) => (s === null ? '–' : s.n < 2 ? s.mean.toFixed(digits) : `${s.mean.toFixed(digits)} ± ${s.sd.toFixed(digits)}`);

/** The summary as a markdown table (fractions to 3 decimals, RTE in seconds to 1). */
export function seedSummaryMarkdown(rows: readonly SeedSummaryRow[]): string {
  const head = `| method | n | ${SUMMARY_METRICS.map((k) => (k === 'RTE' ? 'RTE (s)' : k)).join(' | ')} |`;
  const rule = `|---|---|${SUMMARY_METRICS.map(() => '---').join('|')}|`;
  const body = rows.map((r) => `| ${r.name} | ${r.seeds.length} | ${SUMMARY_METRICS.map((k) => cell(r.stats[k], k === 'RTE' ? 1 : 3)).join(' | ')} |`);
  return [head, rule, ...body].join('\n');
}
