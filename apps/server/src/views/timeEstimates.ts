import type { ResultRecord } from '@mu/schema';
import { RECIPE_DEFAULTS } from '@mu/engine';
import type { TimeEstimates } from '../schemas/api.js';

const STAGES = ['prepare', 'evaluate', 'embedding', 'attack', 'cka'] as const;

const median = (values: number[]): number | null => {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/** What a record's run is estimated by: its role for references, its method for unlearning runs. */
const runKey = (r: ResultRecord) => (r.role === 'unlearned' ? r.config.method.id : r.role);

/**
 * Time estimates from the stored timings of earlier engine runs on one backend (ui.md §1.2, §1.4):
 * the median seconds of each untimed evaluation stage, and the median seconds per training or
 * unlearning epoch by role (original, retrained) or method id. Imported records and records of
 * other backends are left out, since their timings say nothing about this machine; while the
 * backend is not known yet (null), nothing is estimated.
 *
 *   timeEstimates(records, 'wasm').epochSeconds.ga  // ≈ RTE / epochs of past GA runs
 */
export function timeEstimates(records: Iterable<ResultRecord>, backend: string | null): TimeEstimates {
  const stages: Record<(typeof STAGES)[number], number[]> = { prepare: [], evaluate: [], embedding: [], attack: [], cka: [] };
  const perEpoch = new Map<string, number[]>();
  let count = 0;
  for (const r of records) {
    if (r.provenance.source !== 'engine' || r.config.environment.backend !== backend) continue;
    count++;
    for (const s of STAGES) {
      const v = r.timings[s];
      if (v !== null) stages[s].push(v);
    }
    const last = r.history.at(-1);
    if (last && last.seconds > 0) {
      const key = runKey(r);
      perEpoch.set(key, [...(perEpoch.get(key) ?? []), last.seconds / r.history.length]);
    }
  }
  return {
    backend,
    records: count,
    stageSeconds: Object.fromEntries(STAGES.map((s) => [s, median(stages[s])])) as TimeEstimates['stageSeconds'],
    epochSeconds: Object.fromEntries([...perEpoch].map(([k, v]) => [k, median(v)!])),
    recipe: { epochs: RECIPE_DEFAULTS.epochs, batchSize: RECIPE_DEFAULTS.batchSize, lr: RECIPE_DEFAULTS.lr },
  };
}
