import { STANDARD_PARAMS, type ParamSpec } from '@mu/schema';

/**
 * The three hyperparameters every method declares (methods.md §4), with the method's defaults
 * and the fixed ranges: epochs 1–500, lr in (0, 1) on a log scale, batch size 2–1024.
 *
 *   params: [...standardParams({ epochs: 7, lr: 1e-4, batchSize: 256 }), gradClipParam(100)]
 */
export function standardParams(defaults: { epochs: number; lr: number; batchSize: number }): ParamSpec[] {
  return [
    { key: 'epochs', label: 'Epochs', help: 'Passes over the data of each epoch.', default: defaults.epochs, ...STANDARD_PARAMS.epochs },
    { key: 'lr', label: 'Learning rate', help: 'SGD learning rate (momentum 0.9, weight decay 5e-4).', default: defaults.lr, ...STANDARD_PARAMS.lr },
    { key: 'batchSize', label: 'Batch size', help: 'Images per step, for every data source.', default: defaults.batchSize, ...STANDARD_PARAMS.batchSize },
  ];
}

/** Global-norm gradient clipping, 0 – 1000, 0 = off (methods.md §1.5). */
export function gradClipParam(defaultValue: number): ParamSpec {
  return {
    key: 'gradClip',
    label: 'Gradient clip',
    help: 'Largest global L2 norm of the loss gradient, applied before weight decay; 0 turns clipping off.',
    type: 'float',
    default: defaultValue,
    min: 0,
    max: 1000,
    scale: 'linear',
  };
}
