/** GA+FT, re-created from the reference system (methods.md §5.9); the stages are in guided/guidedUnlearning.ts. */
import type { UnlearnMethod } from '../packages/engine/src/methods/index.js';
import { guidedDescriptor, guidedUnlearn } from './guided/guidedUnlearning.js';

const method: UnlearnMethod = {
  descriptor: guidedDescriptor(
    'ga-ft',
    'GA+FT',
    "Gradient ascent on the forget set, then fine-tuning on the retain set, after re-initialising the last layers and a warm-up pass (the reference system's hidden GA+FT).",
  ),
  unlearn: (ctx) => guidedUnlearn(ctx, 'ga-ft'),
};

export default method;
