import { UsageError } from './usageError.js';

/**
 * Splits `--flag value` pairs into the command's own options and the method's hyperparameters
 * (`--batch-size 64` → `batchSize: '64'`); `paramsFromText` then types the latter for `resolveParams`.
 */
export function splitMethodParams(argv: string[], ownFlags: ReadonlySet<string>, ownBooleans: ReadonlySet<string>) {
  const own: Record<string, string | boolean> = {};
  const params: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument: ${arg}`);
    const [flag, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (ownBooleans.has(flag)) {
      own[flag] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new UsageError(`missing value for --${flag}`);
    if (ownFlags.has(flag)) own[flag] = value;
    else params[flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = value;
  }
  return { own, params };
}
