import type { MethodDescriptor, ParamValue } from '@mu/schema';

/** A plain decimal number as typed on a command line: no hex, no surrounding spaces, no `Infinity`. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Command-line hyperparameters (`--lr 0.001` → `lr: '0.001'`) as the JSON values `resolveParams`
 * takes: numbers for `int`/`float` parameters, booleans for `bool` ones; anything else (`0x1`,
 * ` 1 `, `yes`) is refused with one line naming the parameter. Unknown keys pass through, for
 * `resolveParams` to name.
 *
 *   paramsFromText(scrub.descriptor, { lr: '1e-3', referenceFisherVariant: 'true' }) // { lr: 0.001, referenceFisherVariant: true }
 *   paramsFromText(ga.descriptor, { epochs: 'many' }) // throws "invalid epochs: many (expected a number)"
 */
export function paramsFromText(descriptor: MethodDescriptor, text: Readonly<Record<string, string>>): Record<string, ParamValue> {
  const types = new Map(descriptor.params.map((p) => [p.key, p.type]));
  return Object.fromEntries(
    Object.entries(text).map(([key, value]) => {
      const type = types.get(key);
      if (type === 'int' || type === 'float') {
        if (!DECIMAL.test(value)) throw new Error(`invalid ${key}: ${value} (expected a number)`);
        return [key, Number(value)];
      }
      if (type === 'bool') {
        if (value !== 'true' && value !== 'false') throw new Error(`invalid ${key}: ${value} (expected true or false)`);
        return [key, value === 'true'];
      }
      return [key, value];
    }),
  );
}
