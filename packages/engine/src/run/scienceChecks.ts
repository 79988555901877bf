import { type ResultRecord, validateResult } from '@mu/schema';

/**
 * `fit`: holds only when the Original has memorised its training data (a full recipe run);
 * `structural`: holds however short the training, so a shortened run still enforces it.
 */
export type CheckKind = 'fit' | 'structural';

export interface ScienceCheck {
  /** What is checked, with the measured number(s). */
  text: string;
  ok: boolean;
  kind: CheckKind;
}

/** Methods that fine-tune on the retain set and so must keep test accuracy near the Original's. */
export const UTILITY_KEEPING_METHODS = ['ft', 'rl', 'scrub', 'salun'] as const;

const FIT_MEAN = 0.98;
const FIT_UA = 0.95;
const FIT_CLASS = 0.95;
const RETRAINED_TRA_GAP = 0.05;
const ORIGINAL_PS_MAX = 0.5;
const UA_DROP = 0.2;
const TRA_GAP = 0.1;
/** GA at its defaults must visibly forget even after short training (main's former smoke check). */
const GA_UA_DROP = 0.05;
/** CKA values are stored with 4 decimals. */
const CKA_ONE = 0.9999;

const n = (x: number | null | undefined) => x ?? Number.NaN;
const f = (x: number) => (Number.isNaN(x) ? 'null' : x.toFixed(3));
const fit = (text: string, ok: boolean): ScienceCheck => ({ text, ok, kind: 'fit' });
const structural = (text: string, ok: boolean): ScienceCheck => ({ text, ok, kind: 'structural' });
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
  const lowestClass = Math.min(...original.accuracy.train.map(n));
  const retrainedGap = Math.abs(n(r.TRA) - n(o.TRA));
  const checks: ScienceCheck[] = [
    fit(`Original fits: mean train accuracy ${f(trainMean)} ≥ ${FIT_MEAN}`, trainMean >= FIT_MEAN),
    fit(`Original fits: every class's train accuracy ≥ ${FIT_CLASS} (lowest ${f(lowestClass)})`, lowestClass >= FIT_CLASS),
    fit(`Original fits: UA ${f(n(o.UA))} ≥ ${FIT_UA}`, n(o.UA) >= FIT_UA),
    structural(`Retrained: UA ${f(n(r.UA))} = 0`, r.UA === 0),
    structural(`Retrained: TUA ${f(n(r.TUA))} = 0`, r.TUA === 0),
    fit(`Retrained: |TRA ${f(n(r.TRA))} − Original TRA ${f(n(o.TRA))}| = ${f(retrainedGap)} ≤ ${RETRAINED_TRA_GAP}`, retrainedGap <= RETRAINED_TRA_GAP),
    fit(`attack sees memorisation: PS(Original) ${f(n(o.PS))} ≤ ${ORIGINAL_PS_MAX}`, n(o.PS) <= ORIGINAL_PS_MAX),
    structural(`attack sees exact unlearning: PS(Retrained) ${f(n(r.PS))} = 1`, r.PS === 1),
  ];
  for (const m of methods) {
    const id = m.config.method.id;
    const ua = n(m.metrics.UA);
    const drop = n(o.UA) - ua;
    checks.push(
      structural(`${id} lowers UA below the Original's (${f(ua)} < ${f(n(o.UA))})`, ua < n(o.UA)),
      fit(`${id} lowers UA by ${f(drop)} ≥ ${UA_DROP} (${f(ua)} vs ${f(n(o.UA))})`, drop >= UA_DROP),
      id === 'rl' ? randomLabelSignature(m, n(o.PS)) : fit(`${id} raises PS above the Original's (${f(n(m.metrics.PS))} > ${f(n(o.PS))})`, n(m.metrics.PS) > n(o.PS)),
    );
    if (id === 'ga') checks.push(structural(`ga visibly lowers UA (by ${f(drop)} ≥ ${GA_UA_DROP})`, drop >= GA_UA_DROP));
    if ((UTILITY_KEEPING_METHODS as readonly string[]).includes(id)) {
      const gap = Math.abs(n(m.metrics.TRA) - n(o.TRA));
      checks.push(fit(`${id} keeps TRA within ${TRA_GAP} of the Original's (${f(n(m.metrics.TRA))} vs ${f(n(o.TRA))})`, gap <= TRA_GAP));
    }
  }
  checks.push(selfCka(original), ...records.map(inRange));
  return checks;
}

/**
 * RL in place of "raises PS": training on labels drawn from the other classes flattens the forget
 * outputs, so the attack separates them from the Retrained model's by entropy and RL's PS is
 * typically very low, often below the Original's (metrics.md §9; the reference's RL scored
 * 0.000 – 0.014). What must hold is that signature: the worst case is entropy, higher on RL's side.
 */
function randomLabelSignature(m: ResultRecord, originalPs: number): ScienceCheck {
  const worst = m.attack?.full?.worstCase;
  const seen = worst ? `${worst.metric} above ${worst.positives}` : 'none';
  return fit(
    `rl flattens its forget outputs: the attack's worst case is entropy above rl (${seen}; PS ${f(n(m.metrics.PS))}, the Original's ${f(originalPs)})`,
    worst?.metric === 'entropy' && worst.positives === 'unlearn',
  );
}

/** The Original compared with itself: CKA 1 on every layer, split and class group. */
function selfCka(original: ResultRecord): ScienceCheck {
  const set = original.cka?.vsOriginal;
  const values = set ? [set.train.forget, set.train.other, set.test.forget, set.test.other].flat() : [];
  const lowest = values.length === 0 ? Number.NaN : Math.min(...values.map(n));
  const layers = original.cka?.layers.length ?? 0;
  return structural(`CKA of the Original with itself = 1 on all ${layers} layers (lowest ${f(lowest)})`, lowest >= CKA_ONE);
}

/** Every metric within its range: the record passes its schema, which bounds every value. */
function inRange(record: ResultRecord): ScienceCheck {
  const outcome = validateResult(record);
  const name = record.role === 'unlearned' ? record.config.method.id : record.role;
  return structural(`${name}: every metric within its range${outcome.ok ? '' : ` (${outcome.error})`}`, outcome.ok);
}
