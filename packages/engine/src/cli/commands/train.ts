import { parseArgs } from 'node:util';
import { buildBaseline } from '../../run/buildBaseline.js';
import { integerOption, numberOption } from '../options.js';
import { createProgressReporter, formatDuration } from '../progressReporter.js';
import { UsageError } from '../usageError.js';
import { describeBackend, printBackend, printAccuracyTable } from '../report.js';

/** Starting points of methods.md §3.2; explicit flags override them. */
const PRESETS: Record<string, { dataset: string; architecture: string; epochs: number }> = {
  reference: { dataset: 'cifar10', architecture: 'resnet18', epochs: 200 },
  cpu: { dataset: 'cifar10-mini', architecture: 'resnet18-w16', epochs: 30 },
  smoke: { dataset: 'cifar10-mini', architecture: 'resnet18-w8', epochs: 3 },
};

export const trainUsage = `mu train [--preset reference|cpu|smoke] --dataset <id> --arch <id> [--epochs N]
         [--exclude-class K] [--batch-size N] [--lr X] [--momentum X] [--no-nesterov]
         [--weight-decay X] [--schedule cosine|constant|multistep] [--eta-min X]
         [--milestones E1,E2] [--gamma X] [--grad-clip X] [--no-augment] [--seed S]
         [--no-eval-each-epoch] [--out DIR]
  Trains an Original model (all training data) or, with --exclude-class K, a Retrained model.`;

export async function train(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      preset: { type: 'string' },
      dataset: { type: 'string' },
      arch: { type: 'string' },
      epochs: { type: 'string' },
      'exclude-class': { type: 'string' },
      'batch-size': { type: 'string' },
      lr: { type: 'string' },
      momentum: { type: 'string' },
      'no-nesterov': { type: 'boolean' },
      'weight-decay': { type: 'string' },
      schedule: { type: 'string' },
      'eta-min': { type: 'string' },
      milestones: { type: 'string' },
      gamma: { type: 'string' },
      'grad-clip': { type: 'string' },
      'no-augment': { type: 'boolean' },
      seed: { type: 'string' },
      'no-eval-each-epoch': { type: 'boolean' },
      out: { type: 'string' },
    },
  });
  const preset = values.preset === undefined ? undefined : PRESETS[values.preset];
  if (values.preset !== undefined && !preset) {
    throw new UsageError(`unknown preset: ${values.preset} (expected ${Object.keys(PRESETS).join(', ')})`);
  }
  const dataset = values.dataset ?? preset?.dataset;
  const architecture = values.arch ?? preset?.architecture;
  if (!dataset) throw new UsageError('missing --dataset (or --preset)');
  if (!architecture) throw new UsageError('missing --arch (or --preset)');
  const milestones = values.milestones?.split(',').map((m) => {
    const n = Number(m);
    if (!Number.isInteger(n)) throw new UsageError(`invalid --milestones: ${values.milestones} (expected integers like 80,120)`);
    return n;
  });

  const backend = await printBackend();
  const reporter = createProgressReporter();
  const started = Date.now();
  const meta = await buildBaseline({
    preset: values.preset ?? null,
    checkpointDir: values.out,
    config: {
      dataset,
      architecture,
      excludeClass: integerOption(values, 'exclude-class') ?? null,
      epochs: integerOption(values, 'epochs') ?? preset?.epochs,
      batchSize: integerOption(values, 'batch-size'),
      lr: numberOption(values, 'lr'),
      momentum: numberOption(values, 'momentum'),
      nesterov: values['no-nesterov'] ? false : undefined,
      weightDecay: numberOption(values, 'weight-decay'),
      schedule: values.schedule as 'cosine' | undefined,
      etaMin: numberOption(values, 'eta-min'),
      milestones,
      gamma: numberOption(values, 'gamma'),
      gradClip: numberOption(values, 'grad-clip'),
      augment: values['no-augment'] ? false : undefined,
      seed: integerOption(values, 'seed'),
      evaluateEachEpoch: values['no-eval-each-epoch'] ? false : undefined,
    },
    onStage: (stage) => stage !== 'training' && reporter.line(`${stage}…`),
    onProgress: (p) => reporter.progress(p),
    onEpoch: (e) =>
      reporter.line(
        `epoch ${e.epoch}: loss ${e.loss.toFixed(4)} train acc ${e.accuracy.toFixed(3)}` +
          (e.testAccuracy === null ? '' : ` test acc ${e.testAccuracy.toFixed(3)}`) +
          ` lr ${e.lr.toPrecision(3)} (${e.seconds.toFixed(1)} s)`,
      ),
  });
  console.log(`saved ${meta.role} model ${meta.id} (${meta.model.architecture}, ${meta.dataset.id}${meta.forgetClass === null ? '' : `, without class ${meta.forgetClass}`})`);
  console.log(`training time ${formatDuration(meta.trainingSeconds)}, total ${formatDuration((Date.now() - started) / 1000)}, backend ${describeBackend(backend)}`);
  printAccuracyTable(meta.accuracy, dataset);
}
