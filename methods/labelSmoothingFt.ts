/**
 * Example custom method: retain-only fine-tuning with label smoothing (methods.md §6).
 *
 * A custom method is one module in this folder whose default export is `{descriptor, unlearn}`.
 * The engine imports every `.ts`/`.js`/`.mjs` module here at start-up (`loadMethodsFolder`);
 * the server then publishes the descriptor and the web app builds the form from it.
 *
 * Everything the method needs comes in the context `ctx`: the model to change (`ctx.model`), the
 * data (`ctx.retain`, `ctx.forget`), the validated hyperparameters (`ctx.params`), a seeded
 * generator (`ctx.rng`), progress callbacks, the cancel signal, and the engine's training
 * building blocks (`ctx.ops`), TensorFlow.js included. Only types are imported below, so the file
 * has no runtime dependency on the engine's location.
 */
import type { Scalar, Tensor1D, Tensor2D, UnlearnContext, UnlearnMethod } from '../packages/engine/src/methods/index.js';

const method: UnlearnMethod = {
  // Hook 1: the descriptor (data only). epochs, lr and batchSize are required, with the standard ranges.
  descriptor: {
    id: 'label-smoothing-ft',
    label: 'FT + LS',
    description: 'Fine-tunes on the retain set only, with label-smoothed cross-entropy, so the forget class fades while the other classes stay calibrated.',
    version: '1',
    params: [
      { key: 'epochs', label: 'Epochs', type: 'int', default: 5, min: 1, max: 500 },
      { key: 'lr', label: 'Learning rate', type: 'float', default: 0.01, min: 0, max: 1, minExclusive: true, maxExclusive: true, scale: 'log' },
      { key: 'batchSize', label: 'Batch size', type: 'int', default: 128, min: 2, max: 1024 },
      {
        key: 'smoothing',
        label: 'Label smoothing ε',
        help: 'Target = (1 − ε)·one-hot + ε/C.',
        type: 'float',
        default: 0.1,
        min: 0,
        max: 0.3,
        scale: 'linear',
      },
    ],
  },

  // Hook 2: the function. It changes ctx.model in place; the framework times, evaluates and saves.
  async unlearn(ctx: UnlearnContext) {
    const { epochs, lr, batchSize, smoothing } = ctx.params as { epochs: number; lr: number; batchSize: number; smoothing: number };
    const { tf, Sgd, UNLEARNING_SGD, sgdStep } = ctx.ops;
    const sgd = new Sgd(ctx.model.trainable, UNLEARNING_SGD); // momentum 0.9, weight decay 5e-4
    try {
      for (let e = 0; e < epochs; e++) {
        let lossSum = 0;
        let seen = 0;
        // A fresh shuffled order every epoch; the iterator throws an AbortError once the job is cancelled.
        for await (const { x, y } of ctx.retain.batches({ batchSize })) {
          try {
            const loss = await sgdStep(ctx.model, sgd, () => smoothedCrossEntropy(ctx, ctx.model.forward(x, { training: true }).logits, y, smoothing), { lr });
            lossSum += loss * x.shape[0];
            seen += x.shape[0];
          } finally {
            tf.dispose([x, y]); // the consumer owns the batch tensors
          }
        }
        await ctx.progress.epoch(e + 1, epochs, { loss: lossSum / Math.max(seen, 1) });
      }
    } finally {
      sgd.dispose();
    }
  },
};

/** Mean cross-entropy against the smoothed targets (1 − ε)·onehot(y) + ε/C. */
function smoothedCrossEntropy(ctx: UnlearnContext, logits: Tensor2D, labels: Tensor1D, smoothing: number): Scalar {
  const { tf } = ctx.ops;
  return tf.tidy(() => {
    const classes = logits.shape[1];
    const target = tf.add(tf.mul(tf.oneHot(labels, classes), 1 - smoothing), smoothing / classes); // [batch, C]
    return tf.neg(tf.mean(tf.sum(tf.mul(target, tf.logSoftmax(logits)), 1))) as Scalar;
  });
}

export default method;
