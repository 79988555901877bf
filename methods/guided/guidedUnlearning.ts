/**
 * The reference system's three hidden "guided unlearning" methods (GA+FT, GA+SL+FT, GA+SL+FT V2;
 * methods.md §5.9), shared by the three modules next to this folder. Like any custom method it
 * uses only `ctx` (types are the only import), so it shows that the two hooks carry a
 * multi-stage method: re-initialised layers, a warm-up stage, separate optimisers per stage.
 *
 * Stages, as the reference's `unlearn_GA_*` services and threads run them:
 * 0. re-initialise the last `reinitLastK` layer groups (ResNet-18: layer4.0, layer4.1, fc);
 *    second-logit labels (GA+SL variants) come from the base model before that;
 * 1. warm-up (only when layers were re-initialised): one pass over the retain set with the
 *    descent optimiser at its first-epoch learning rate;
 * 2. each epoch: forgetting — gradient ascent on the forget set with its own optimiser
 *    (lr × gaLrRatio, batch × gaBatchRatio, clipped to gradClip); then recovery — GA+FT: the
 *    retain set; GA+SL+FT: the forget set relabelled with each image's second-highest base logit
 *    (own optimiser), then the retain set; V2: both shuffled together in one pass.
 * Every optimiser is SGD (momentum 0.9, weight decay 5e-4) with cosine annealing over the epochs
 * to `etaMin` (× gaLrRatio for the ascent). Training images are augmented (crop + flip), as the
 * reference's loaders were.
 */
import type { DataBatch, DataSource, EpochPhase, MethodDescriptor, ParamSpec, Tensor1D, UnlearnContext } from '../../packages/engine/src/methods/index.js';

export type GuidedVariant = 'ga-ft' | 'ga-sl-ft' | 'ga-sl-ft-v2';

interface GuidedParams {
  epochs: number;
  lr: number;
  batchSize: number;
  gaLrRatio: number;
  gaBatchRatio: number;
  etaMin: number;
  reinitLastK: number;
  gradClip: number;
}

/** The reference's constants per variant: UI defaults (epochs / lr / batch), ratios and cosine floor. */
const DEFAULTS: Record<GuidedVariant, { epochs: number; gaLrRatio: number; gaBatchRatio: number; etaMin: number }> = {
  'ga-ft': { epochs: 4, gaLrRatio: 0.05, gaBatchRatio: 32, etaMin: 0.003 },
  'ga-sl-ft': { epochs: 5, gaLrRatio: 0.01, gaBatchRatio: 16, etaMin: 0.002 },
  'ga-sl-ft-v2': { epochs: 4, gaLrRatio: 0.01, gaBatchRatio: 8, etaMin: 0.001 },
};

/** The descriptor of a variant: id `ref-<variant>`, the id the importer gives the reference's results. */
export function guidedDescriptor(variant: GuidedVariant, label: string, description: string): MethodDescriptor {
  const d = DEFAULTS[variant];
  const params: ParamSpec[] = [
    { key: 'epochs', label: 'Epochs', help: 'Forgetting + recovery epochs (the warm-up pass comes on top).', type: 'int', default: d.epochs, min: 1, max: 500 },
    { key: 'lr', label: 'Learning rate', help: 'Learning rate of the recovery stages.', type: 'float', default: 0.01, min: 0, max: 1, minExclusive: true, maxExclusive: true, scale: 'log' },
    { key: 'batchSize', label: 'Batch size', help: 'Batch size of the recovery stages.', type: 'int', default: 128, min: 2, max: 1024 },
    { key: 'gaLrRatio', label: 'Ascent lr ratio', help: 'Gradient-ascent learning rate = lr × this.', type: 'float', default: d.gaLrRatio, min: 0, max: 1, minExclusive: true, scale: 'log' },
    { key: 'gaBatchRatio', label: 'Ascent batch ratio', help: 'Gradient-ascent batch size = batch size × this.', type: 'int', default: d.gaBatchRatio, min: 1, max: 64 },
    { key: 'etaMin', label: 'Cosine floor', help: 'Every optimiser anneals to this (× the ascent ratio for the ascent), an absolute floor as in the reference.', type: 'float', default: d.etaMin, min: 0, max: 1, maxExclusive: true, scale: 'linear' },
    { key: 'reinitLastK', label: 'Re-initialised layer groups', help: 'Last layer groups reset before the warm-up (3 = layer4 and fc on ResNet-18); 0 = none, and no warm-up.', type: 'int', default: 3, min: 0, max: 10, sweepable: false },
    { key: 'gradClip', label: 'Gradient clip', help: 'Global-norm clip of the ascent gradient; 0 = off.', type: 'float', default: 100, min: 0, max: 1000, scale: 'linear' },
  ];
  return { id: `ref-${variant}`, label, description, version: '1', params };
}

/** Runs a variant on `ctx` (hook 2). */
export async function guidedUnlearn(ctx: UnlearnContext, variant: GuidedVariant): Promise<void> {
  const p = ctx.params as unknown as GuidedParams;
  const { trainEpochs, batchCount, learningRate, mixSources, reinitializeLastLayers, crossEntropy, tf } = ctx.ops;
  const withSecondLogit = variant !== 'ga-ft';
  const secondLogit = withSecondLogit ? await secondLogitLabels(ctx) : new Map<number, number>();
  const relabelled: DataSource = { size: ctx.forget.size, batches: (o) => withLabels(ctx, ctx.forget.batches(o), secondLogit) };
  const warmUp = p.reinitLastK > 0 ? 1 : 0;
  if (warmUp) ctx.progress.message(`re-initialised ${reinitializeLastLayers(ctx.model, p.reinitLastK, ctx.rng.fork('reinit')).join(', ')}`);

  const cosine = (base: number, floor: number, epoch: number) => learningRate({ kind: 'cosine', etaMin: floor }, base, epoch, p.epochs);
  const gaBatch = p.batchSize * p.gaBatchRatio;
  const ce = (ascent: boolean) => (b: DataBatch) => {
    const loss = crossEntropy(ctx.model.forward(b.x, { training: true }).logits, b.y);
    return ascent ? tf.neg(loss) : loss;
  };
  const descent = (source: DataSource, lr: number, optimizer?: string): EpochPhase => ({
    batches: source.batches({ batchSize: p.batchSize, augment: true }),
    steps: batchCount(source.size, p.batchSize),
    loss: ce(false),
    lr,
    optimizer,
  });
  const stages = (e: number): EpochPhase[] => {
    const lr = cosine(p.lr, p.etaMin, e);
    const forgetting: EpochPhase = {
      batches: ctx.forget.batches({ batchSize: gaBatch, augment: true }),
      steps: batchCount(ctx.forget.size, gaBatch),
      loss: ce(true),
      report: false,
      gradClip: p.gradClip,
      lr: cosine(p.lr * p.gaLrRatio, p.etaMin * p.gaLrRatio, e),
      optimizer: 'ga',
    };
    if (variant === 'ga-ft') return [forgetting, descent(ctx.retain, lr)];
    if (variant === 'ga-sl-ft') return [forgetting, descent(relabelled, lr, 'sl'), descent(ctx.retain, lr)];
    return [forgetting, descent(mixSources([ctx.retain, relabelled], ctx.rng.fork(`mix-${e}`)), lr)];
  };

  await trainEpochs(ctx, {
    epochs: p.epochs + warmUp,
    lr: p.lr,
    optimizers: variant === 'ga-sl-ft' ? { ga: {}, sl: {} } : { ga: {} },
    phases: (i) => (i < warmUp ? [descent(ctx.retain, cosine(p.lr, p.etaMin, 0))] : stages(i - warmUp)),
  });
}

/**
 * Each forget image's second-highest class under the base model (inference mode, no
 * augmentation), by dataset index: the "second logit" labels of the GA+SL variants.
 */
export async function secondLogitLabels(ctx: Pick<UnlearnContext, 'original' | 'forget' | 'ops'>): Promise<Map<number, number>> {
  const { tf } = ctx.ops;
  const labels = new Map<number, number>();
  for await (const { x, y, index } of ctx.forget.batches({ batchSize: 256, shuffle: false })) {
    const logits = ctx.original.predict(x);
    const second = tf.tidy(() => tf.topk(logits, 2).indices.slice([0, 1], [-1, 1]).reshape([-1]));
    const values = await second.data();
    index.forEach((image, k) => labels.set(image, values[k]));
    tf.dispose([x, y, logits, second]);
  }
  return labels;
}

async function* withLabels(ctx: UnlearnContext, batches: AsyncIterable<DataBatch>, labels: ReadonlyMap<number, number>): AsyncGenerator<DataBatch> {
  for await (const batch of batches) {
    batch.y.dispose();
    yield { ...batch, y: ctx.ops.tf.tensor1d(Array.from(batch.index, (i) => labels.get(i)!), 'int32') as Tensor1D };
  }
}
