import type { ResultRecord } from '@mu/schema';

const f = (x: number | null, digits = 3) => (x === null ? '–' : x.toFixed(digits));

/** One line per record: method, hyperparameters, UA/RA/TUA/TRA (fractions, lower UA = more forgetting), PS, RTE. */
export function printResultTable(records: ResultRecord[]): void {
  console.log('id        role       method      ep   lr       BS    UA     RA     TUA    TRA    PS     RTE (s)');
  for (const r of records) {
    const h = r.config.hyperparameters;
    console.log(
      [
        r.id.padEnd(9),
        r.role.padEnd(10),
        r.config.method.id.padEnd(11),
        String(h.epochs ?? '–').padStart(3),
        String(h.lr ?? '–').padEnd(8),
        String(h.batchSize ?? '–').padStart(4),
        f(r.metrics.UA),
        f(r.metrics.RA),
        f(r.metrics.TUA),
        f(r.metrics.TRA),
        f(r.metrics.PS),
        f(r.metrics.RTE, 1).padStart(7),
      ].join('  '),
    );
  }
}
