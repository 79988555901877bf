import type { ResultRecord } from '@mu/schema';
import { describe, expect, it } from 'vitest';
import { exampleResult } from '../../../schema/test/exampleResult.js';
import { scienceChecks } from './scienceChecks.js';

const ones = () => Array.from({ length: 10 }, () => 1);

function record(role: ResultRecord['role'], methodId: string, metrics: Partial<ResultRecord['metrics']>, train = [0.99, 0.99, 0.99]): ResultRecord {
  const r = exampleResult();
  r.role = role;
  r.config.method = { id: methodId, label: methodId, version: '1' };
  r.metrics = { ...r.metrics, ...metrics };
  r.accuracy.train = train;
  if (role === 'original') r.cka!.vsOriginal = { referenceModelId: r.id, train: { forget: ones(), other: ones() }, test: { forget: ones(), other: ones() } };
  return r;
}

/** A record set that behaves as the issue asks: a memorising Original, exact unlearning, methods that forget. */
const good = (): ResultRecord[] => [
  record('original', 'original', { UA: 1, RA: 1, TUA: 0.5, TRA: 0.55, PS: 0.3 }, [1, 0.99, 0.98]),
  record('retrained', 'retrain', { UA: 0, RA: 1, TUA: 0, TRA: 0.57, PS: 1 }, [0, 1, 1]),
  record('unlearned', 'ft', { UA: 0.4, TRA: 0.5, PS: 0.6 }),
  record('unlearned', 'ga', { UA: 0.1, TRA: 0.3, PS: 0.9 }),
];

/** An RL record whose attack separates it from the Retrained model by entropy, higher on RL's side. */
function randomLabelRecord(positives: 'unlearn' | 'retrain' = 'unlearn'): ResultRecord {
  const r = record('unlearned', 'rl', { UA: 0, TRA: 0.56, PS: 0.2 });
  const attack = r.attack!;
  attack.full = { ...attack.subset, worstCase: { metric: 'entropy', positives, index: 30, threshold: 1.5, score: 0.8, fpr: 0.1, fnr: 0.1 }, privacyScore: 0.2 };
  return r;
}

const failing = (records: ResultRecord[]) => scienceChecks(records).filter((c) => !c.ok).map((c) => c.text);

describe('scienceChecks', () => {
  it('passes a record set that behaves as exact unlearning should, with one line per check', () => {
    const checks = scienceChecks(good());
    expect(failing(good())).toEqual([]);
    // 8 baseline checks, 3 per method plus TRA for ft and the GA drop, self-CKA, one range check per record.
    expect(checks).toHaveLength(8 + 3 + 1 + 3 + 1 + 1 + 4);
    expect(checks[0].text).toBe('Original fits: mean train accuracy 0.990 ≥ 0.98');
  });

  it('tags the checks that only a fitted Original can pass as fit-dependent, the rest as structural', () => {
    const texts = (kind: string) => scienceChecks(good()).filter((c) => c.kind === kind).map((c) => c.text.replace(/ \(.*\)$/, '').replace(/[\d.]+/g, '#'));
    expect(texts('fit')).toEqual([
      'Original fits: mean train accuracy # ≥ #',
      "Original fits: every class's train accuracy ≥ #",
      'Original fits: UA # ≥ #',
      'Retrained: |TRA # − Original TRA #| = # ≤ #',
      'attack sees memorisation: PS(Original) # ≤ #',
      'ft lowers UA by # ≥ #',
      "ft raises PS above the Original's",
      "ft keeps TRA within # of the Original's",
      'ga lowers UA by # ≥ #',
      "ga raises PS above the Original's",
    ]);
    expect(texts('structural')).toEqual([
      'Retrained: UA # = #',
      'Retrained: TUA # = #',
      'attack sees exact unlearning: PS(Retrained) # = #',
      "ft lowers UA below the Original's",
      "ga lowers UA below the Original's",
      'ga visibly lowers UA',
      'CKA of the Original with itself = # on all # layers',
      'original: every metric within its range',
      'retrained: every metric within its range',
      'ft: every metric within its range',
      'ga: every metric within its range',
    ]);
  });

  it("fails a method that does not lower UA at all, and GA when it lowers UA by less than 0.05", () => {
    const records = good();
    records[2].metrics.UA = 1;
    records[3].metrics.UA = 0.97;
    expect(failing(records)).toEqual([
      "ft lowers UA below the Original's (1.000 < 1.000)",
      'ft lowers UA by 0.000 ≥ 0.2 (1.000 vs 1.000)',
      'ga lowers UA by 0.030 ≥ 0.2 (0.970 vs 1.000)',
      'ga visibly lowers UA (by 0.030 ≥ 0.05)',
    ]);
  });

  it('fails an Original that has not memorised its training data, and says by how much', () => {
    const records = good();
    records[0].accuracy.train = [1, 0.6, 0.5];
    records[0].metrics.UA = 0.45;
    expect(failing(records)).toEqual([
      'Original fits: mean train accuracy 0.700 ≥ 0.98',
      "Original fits: every class's train accuracy ≥ 0.95 (lowest 0.500)",
      'Original fits: UA 0.450 ≥ 0.95', 'ft lowers UA by 0.050 ≥ 0.2 (0.400 vs 0.450)']);
  });

  it('fails a Retrained model that is not exact and an attack that sees no memorisation', () => {
    const records = good();
    records[1].metrics = { ...records[1].metrics, UA: 0.01, TRA: 0.62, PS: 0.98 };
    records[0].metrics.PS = 0.75;
    expect(failing(records)).toEqual([
      'Retrained: UA 0.010 = 0',
      'Retrained: |TRA 0.620 − Original TRA 0.550| = 0.070 ≤ 0.05',
      'attack sees memorisation: PS(Original) 0.750 ≤ 0.5',
      'attack sees exact unlearning: PS(Retrained) 0.980 = 1',
      'ft raises PS above the Original\'s (0.600 > 0.750)',
    ]);
  });

  it('fails a method that forgets too little, lowers PS or loses utility', () => {
    const records = good();
    records[2].metrics = { ...records[2].metrics, UA: 0.85, TRA: 0.4, PS: 0.2 };
    expect(failing(records)).toEqual([
      'ft lowers UA by 0.150 ≥ 0.2 (0.850 vs 1.000)',
      "ft raises PS above the Original's (0.200 > 0.300)",
      "ft keeps TRA within 0.1 of the Original's (0.400 vs 0.550)",
    ]);
  });

  it('fails a missing metric, an imperfect self-CKA and a value out of range', () => {
    const records = good();
    records[3].metrics.PS = null;
    records[0].cka!.vsOriginal!.test.other[4] = 0.97;
    records[2].metrics.RA = 1.2;
    expect(failing(records)).toEqual([
      "ga raises PS above the Original's (null > 0.300)",
      'CKA of the Original with itself = 1 on all 10 layers (lowest 0.970)',
      'ft: every metric within its range (invalid result: /metrics/RA must be <= 1 (got 1.2))',
    ]);
  });

  it("checks RL's random-label signature instead of a PS rise: entropy above rl passes at a PS below the Original's", () => {
    const records = [...good(), randomLabelRecord()];
    expect(failing(records)).toEqual([]);
    expect(scienceChecks(records).map((c) => c.text)).toContain(
      "rl flattens its forget outputs: the attack's worst case is entropy above rl (entropy above unlearn; PS 0.200, the Original's 0.300)",
    );
    expect(scienceChecks(records).some((c) => c.text.startsWith('rl raises PS'))).toBe(false);
  });

  it('fails RL when the attack finds it by confidence, or on the Retrained side, or not at all', () => {
    const onRetrainSide = [...good(), randomLabelRecord('retrain')];
    expect(failing(onRetrainSide)).toEqual([
      "rl flattens its forget outputs: the attack's worst case is entropy above rl (entropy above retrain; PS 0.200, the Original's 0.300)",
    ]);
    const byConfidence = randomLabelRecord();
    byConfidence.attack!.full!.worstCase!.metric = 'confidence';
    expect(failing([...good(), byConfidence])).toHaveLength(1);
    const noAttack = randomLabelRecord();
    noAttack.attack!.full = null;
    expect(failing([...good(), noAttack])).toEqual([
      "rl flattens its forget outputs: the attack's worst case is entropy above rl (none; PS 0.200, the Original's 0.300)",
    ]);
  });

  it('needs both reference records', () => {
    expect(() => scienceChecks(good().slice(1))).toThrow('the science checks need the Original and the Retrained record');
  });
});
