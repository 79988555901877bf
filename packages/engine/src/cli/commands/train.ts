import { parseArgs } from 'node:util';
import { TRAINING_RECIPES } from '@mu/schema';
import { buildBaseline } from '../../run/buildBaseline.js';
import { integerOption, numberOption, recipeOption } from '../options.js';
import { createProgressReporter, formatDuration } from '../progressReporter.js';
import { UsageError } from '../usageError.js';
import { describeBackend, printBackend, printAccuracyTable } from '../report.js';

export const trainUsage = `mu train [--recipe ${TRAINING_RECIPES.map((r) => r.id).join('|')}] [--dataset <id>] [--arch <id>] [--epochs N]
         [--exclude-class K] [--batch-size N] [--lr X] [--momentum X] [--no-nesterov]
         [--weight-decay X] [--schedule cosine|constant|multistep] [--eta-min X]
         [--milestones E1,E2] [--gamma X] [--grad-clip X] [--no-augment] [--seed S]
         [--no-eval-each-epoch] [--out DIR]
  Trains an Original model (all training data) or, with --exclude-class K, a Retrained model.
  A recipe sets the dataset (its first), architecture and training values; flags override them.`;

export async function train(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      recipe: { type: 'string' },
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
  const { recipe, dataset } = recipeOption(values);
  const architecture = values.arch ?? recipe?.architecture;
  if (!dataset) throw new UsageError('missing --dataset (or --recipe)');
  if (!architecture) throw new UsageError('missing --arch (or --recipe)');
  const milestones = values.milestones?.split(',').map((m) => {
    const n = Number(m);
    if (!Number.isInteger(n)) throw new UsageError(`invalid --milestones: ${values.milestones} (expected integers like 80,120)`);
    return n;
  });

  const backend = await printBackend();
  const reporter = createProgressReporter();
  const started = Date.now();
  const meta = await buildBaseline({
    checkpointDir: values.out,
    config: {
      dataset,
      architecture,
      recipe: recipe?.id,
      excludeClass: integerOption(values, 'exclude-class') ?? null,
      epochs: integerOption(values, 'epochs'),
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
