import { type ResultRecord, validateResult } from '@mu/schema';

export interface ScienceCheck {
  /** What is checked, with the measured number(s). */
  text: string;
  ok: boolean;
}

/** Methods that fine-tune on the retain set and so must keep test accuracy near the Original's. */
export const UTILITY_KEEPING_METHODS = ['ft', 'rl', 'scrub', 'salun'] as const;

const FIT_MEAN = 0.98;
const FIT_UA = 0.95;
const RETRAINED_TRA_GAP = 0.05;
const ORIGINAL_PS_MAX = 0.5;
const UA_DROP = 0.2;
const TRA_GAP = 0.1;
/** CKA values are stored with 4 decimals. */
const CKA_ONE = 0.9999;

const n = (x: number | null | undefined) => x ?? Number.NaN;
const f = (x: number) => (Number.isNaN(x) ? 'null' : x.toFixed(3));
const mean = (xs: (number | null)[]) => xs.reduce<number>((s, x) => s + n(x), 0) / xs.length;

/**
 * The scientific checks of the smoke run (issue 10): whether the Original memorised its training
 * data, whether the Retrained model and the attack behave as exact unlearning must, whether every
 * method forgets, and whether every number is within its range. `records` holds the Original's
 * and the Retrained model's records for one forget class and one record per unlearning method.
 * A missing metric (null) fails its check.
 */
export function scienceChecks(records: readonly ResultRecord[]): ScienceCheck[] {
  const original = records.find((r) => r.role === 'original');
  const retrained = records.find((r) => r.role === 'retrained');
  if (!original || !retrained) throw new Error('the science checks need the Original and the Retrained record');
  const methods = records.filter((r) => r.role === 'unlearned');
  const o = original.metrics;
  const r = retrained.metrics;
  const trainMean = mean(original.accuracy.train);
  const retrainedGap = Math.abs(n(r.TRA) - n(o.TRA));
  const checks: ScienceCheck[] = [
    { text: `Original fits: mean train accuracy ${f(trainMean)} ≥ ${FIT_MEAN}`, ok: trainMean >= FIT_MEAN },
    { text: `Original fits: UA ${f(n(o.UA))} ≥ ${FIT_UA}`, ok: n(o.UA) >= FIT_UA },
    { text: `Retrained: UA ${f(n(r.UA))} = 0`, ok: r.UA === 0 },
    { text: `Retrained: TUA ${f(n(r.TUA))} = 0`, ok: r.TUA === 0 },
    { text: `Retrained: |TRA ${f(n(r.TRA))} − Original TRA ${f(n(o.TRA))}| = ${f(retrainedGap)} ≤ ${RETRAINED_TRA_GAP}`, ok: retrainedGap <= RETRAINED_TRA_GAP },
    { text: `attack sees memorisation: PS(Original) ${f(n(o.PS))} ≤ ${ORIGINAL_PS_MAX}`, ok: n(o.PS) <= ORIGINAL_PS_MAX },
    { text: `attack sees exact unlearning: PS(Retrained) ${f(n(r.PS))} = 1`, ok: r.PS === 1 },
  ];
  for (const m of methods) {
    const id = m.config.method.id;
    const drop = n(o.UA) - n(m.metrics.UA);
    checks.push(
      { text: `${id} lowers UA by ${f(drop)} ≥ ${UA_DROP} (${f(n(m.metrics.UA))} vs ${f(n(o.UA))})`, ok: drop >= UA_DROP },
      { text: `${id} raises PS above the Original's (${f(n(m.metrics.PS))} > ${f(n(o.PS))})`, ok: n(m.metrics.PS) > n(o.PS) },
    );
    if ((UTILITY_KEEPING_METHODS as readonly string[]).includes(id)) {
      const gap = Math.abs(n(m.metrics.TRA) - n(o.TRA));
      checks.push({ text: `${id} keeps TRA within ${TRA_GAP} of the Original's (${f(n(m.metrics.TRA))} vs ${f(n(o.TRA))})`, ok: gap <= TRA_GAP });
    }
  }
  checks.push(selfCka(original), ...records.map(inRange));
  return checks;
}

/** The Original compared with itself: CKA 1 on every layer, split and class group. */
function selfCka(original: ResultRecord): ScienceCheck {
  const set = original.cka?.vsOriginal;
  const values = set ? [set.train.forget, set.train.other, set.test.forget, set.test.other].flat() : [];
  const lowest = values.length === 0 ? Number.NaN : Math.min(...values.map(n));
  const layers = original.cka?.layers.length ?? 0;
  return { text: `CKA of the Original with itself = 1 on all ${layers} layers (lowest ${f(lowest)})`, ok: lowest >= CKA_ONE };
}

/** Every metric within its range: the record passes its schema, which bounds every value. */
function inRange(record: ResultRecord): ScienceCheck {
  const outcome = validateResult(record);
  const name = record.role === 'unlearned' ? record.config.method.id : record.role;
  return { text: `${name}: every metric within its range${outcome.ok ? '' : ` (${outcome.error})`}`, ok: outcome.ok };
}
