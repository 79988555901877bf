import { evalCheckpoint, evalUsage } from './commands/evalCheckpoint.js';
import { exportWeights, exportWeightsUsage } from './commands/exportWeights.js';
import { fetchData, fetchDataUsage } from './commands/fetchData.js';
import { importWeights, importWeightsUsage } from './commands/importWeights.js';
import { info, infoUsage } from './commands/info.js';
import { methods, methodsUsage } from './commands/methods.js';
import { smoke, smokeUsage } from './commands/smoke.js';
import { unlearn, unlearnUsage } from './commands/unlearn.js';
import { upload, uploadUsage } from './commands/upload.js';
import { train, trainUsage } from './commands/train.js';
import { worker, workerUsage } from './commands/worker.js';
import { UsageError } from './usageError.js';

const COMMANDS: Record<string, { run: (argv: string[]) => Promise<void>; usage: string }> = {
  train: { run: train, usage: trainUsage },
  eval: { run: evalCheckpoint, usage: evalUsage },
  'fetch-data': { run: fetchData, usage: fetchDataUsage },
  info: { run: info, usage: infoUsage },
  methods: { run: methods, usage: methodsUsage },
  unlearn: { run: unlearn, usage: unlearnUsage },
  upload: { run: upload, usage: uploadUsage },
  'import-weights': { run: importWeights, usage: importWeightsUsage },
  'export-weights': { run: exportWeights, usage: exportWeightsUsage },
  smoke: { run: smoke, usage: smokeUsage },
  worker: { run: worker, usage: workerUsage },
};

function usage(): string {
  return `usage: mu <command> [options]\n\n${Object.values(COMMANDS).map((c) => c.usage).join('\n\n')}`;
}

/**
 * The `mu` command. Every failure ends as one line on stderr and a non-zero exit code:
 * 2 for a malformed command line, 1 for anything else (bad data, unreadable checkpoint, divergence).
 */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`error: unknown command: ${name} (expected ${Object.keys(COMMANDS).join(', ')})`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(command.usage);
    return 0;
  }
  try {
    await command.run(rest);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    const usageProblem = error instanceof UsageError || (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS');
    const message = ((error as Error).message ?? String(error)).split('\n')[0];
    console.error(`${process.stderr.isTTY ? '\n' : ''}error: ${message}`);
    return usageProblem ? 2 : 1;
  }
}

const code = await main(process.argv.slice(2));
// The threaded wasm pool keeps worker threads alive, so exit explicitly.
process.exit(code);
