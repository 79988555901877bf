import ft from './ft.js';
import ga from './ga.js';
import ngplus from './ngplus.js';
import retrain from './retrain.js';
import rl from './rl.js';
import salun from './salun.js';
import scrub from './scrub.js';
import type { UnlearnMethod } from './types.js';

/**
 * The built-in methods, in the order the UI lists them (methods.md §5.10). Upload (§5.8) is not
 * one: it trains nothing and takes a checkpoint instead of a context, so the orchestration
 * handles it.
 */
export const builtInMethods: readonly UnlearnMethod[] = [ft, ga, rl, scrub, salun, retrain, ngplus];
