import type { MethodDescriptor, ParamValue } from '@mu/schema';

/** A plain decimal number as typed on a command line: no hex, no surrounding spaces, no `Infinity`. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Command-line hyperparameters (`--lr 0.001` → `lr: '0.001'`) as the JSON values `resolveParams`
 * takes: numbers for `int`/`float` parameters, booleans for `bool` ones. Text that is not a plain
 * decimal number or `true`/`false` stays text, so `resolveParams` names the parameter; unknown
 * keys pass through for the same reason.
 *
 *   paramsFromText(scrub.descriptor, { lr: '1e-3', referenceFisherVariant: 'true' }) // { lr: 0.001, referenceFisherVariant: true }
 */
export function paramsFromText(descriptor: MethodDescriptor, text: Readonly<Record<string, string>>): Record<string, ParamValue> {
  const types = new Map(descriptor.params.map((p) => [p.key, p.type]));
  return Object.fromEntries(
    Object.entries(text).map(([key, value]) => {
      const type = types.get(key);
      if ((type === 'int' || type === 'float') && DECIMAL.test(value)) return [key, Number(value)];
      if (type === 'bool' && (value === 'true' || value === 'false')) return [key, value === 'true'];
      return [key, value];
    }),
  );
}
