/** GA+SL+FT V2, re-created from the reference system (methods.md §5.9); the stages are in guided/guidedUnlearning.ts. */
import type { UnlearnMethod } from '../packages/engine/src/methods/index.js';
import { guidedDescriptor, guidedUnlearn } from './guided/guidedUnlearning.js';

const method: UnlearnMethod = {
  descriptor: guidedDescriptor(
    'ga-sl-ft-v2',
    'GA+SL+FT V2',
    "Gradient ascent on the forget set, then one shuffled pass over the retain set and the forget set relabelled with each image's second most likely class, after re-initialising the last layers and a warm-up pass (the reference system's hidden GA+SL+FT V2).",
  ),
  unlearn: (ctx) => guidedUnlearn(ctx, 'ga-sl-ft-v2'),
};

export default method;
