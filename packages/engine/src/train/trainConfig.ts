import { recipeFor, type RecipeId, TRAINING_RECIPES } from '@mu/schema';
import type { Schedule } from './schedules.js';

/** Everything that determines how a model is trained from scratch (methods.md §3.1). */
export interface TrainConfig {
  dataset: string;
  architecture: string;
  /** The named recipe the values started from (overrides are in the values themselves), or null. */
  recipe: RecipeId | null;
  /** Class left out of the training data (Retrained model), or null for the Original. */
  excludeClass: number | null;
  epochs: number;
  batchSize: number;
  lr: number;
  momentum: number;
  nesterov: boolean;
  weightDecay: number;
  schedule: Schedule;
  gradClip: number;
  augment: boolean;
  seed: number;
  /** Untimed test-set evaluation after each epoch, for progress. */
  evaluateEachEpoch: boolean;
}

export type TrainConfigInput = Partial<Omit<TrainConfig, 'schedule' | 'recipe'>> & {
  dataset: string;
  architecture: string;
  /** A recipe id (@mu/schema TRAINING_RECIPES): its values are the defaults of the unset ones. */
  recipe?: string | null;
  schedule?: Schedule | Schedule['kind'];
  etaMin?: number;
  milestones?: number[];
  gamma?: number;
};

const { epochs, batchSize, lr, momentum, nesterov, weightDecay, augment } = TRAINING_RECIPES.find((r) => r.id === 'reference')!;

/** The reference recipe (SGD lr 0.1, Nesterov, wd 5e-4, cosine to 0, batch 128, augmentation) with seed 2048. */
export const RECIPE_DEFAULTS = { epochs, batchSize, lr, momentum, nesterov, weightDecay, augment, gradClip: 0, seed: 2048, evaluateEachEpoch: true } as const;

function check(name: string, value: number, ok: boolean, expected: string): number {
  if (!ok || Number.isNaN(value)) throw new Error(`invalid ${name}: ${value} (expected ${expected})`);
  return value;
}

const int = (name: string, v: number, lo: number, hi: number) =>
  check(name, v, Number.isInteger(v) && v >= lo && v <= hi, `an integer ${lo}..${hi}`);
const num = (name: string, v: number, lo: number, hi: number, open = false) =>
  check(name, v, Number.isFinite(v) && (open ? v > lo && v < hi : v >= lo && v <= hi), open ? `a number in (${lo}, ${hi})` : `a number in [${lo}, ${hi}]`);

/** Fills defaults and checks every range once; nothing downstream re-checks. */
export function resolveTrainConfig(input: TrainConfigInput, numClasses: number): TrainConfig {
  const recipe = input.recipe ? recipeFor(input.recipe, input.dataset) : null;
  const fromRecipe = recipe && {
    epochs: recipe.epochs,
    batchSize: recipe.batchSize,
    lr: recipe.lr,
    momentum: recipe.momentum,
    nesterov: recipe.nesterov,
    weightDecay: recipe.weightDecay,
    augment: recipe.augment,
  };
  const d = { ...RECIPE_DEFAULTS, ...fromRecipe, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) };
  const scheduleKind = typeof input.schedule === 'object' ? input.schedule.kind : (input.schedule ?? recipe?.schedule ?? 'cosine');
  let schedule: Schedule;
  if (typeof input.schedule === 'object') schedule = input.schedule;
  else if (scheduleKind === 'cosine') schedule = { kind: 'cosine', etaMin: input.etaMin ?? 0 };
  else if (scheduleKind === 'constant') schedule = { kind: 'constant' };
  else if (scheduleKind === 'multistep') schedule = { kind: 'multistep', milestones: input.milestones ?? [], gamma: input.gamma ?? 0.1 };
  else throw new Error(`invalid schedule: ${String(scheduleKind)} (expected cosine, constant, multistep)`);
  if (schedule.kind === 'cosine') num('etaMin', schedule.etaMin, 0, 1);
  if (schedule.kind === 'multistep') {
    num('gamma', schedule.gamma, 0, 1);
    schedule.milestones.forEach((m) => int('milestone', m, 1, 100_000));
  }
  const config: TrainConfig = {
    dataset: input.dataset,
    architecture: input.architecture,
    recipe: (recipe?.id as RecipeId | undefined) ?? null,
    excludeClass: input.excludeClass ?? null,
    epochs: int('epochs', d.epochs, 1, 10_000),
    batchSize: int('batch size', d.batchSize, 2, 1024),
    lr: num('lr', d.lr, 0, 10, true),
    momentum: num('momentum', d.momentum, 0, 0.999),
    nesterov: Boolean(d.nesterov),
    weightDecay: num('weight decay', d.weightDecay, 0, 1),
    schedule,
    gradClip: num('grad clip', d.gradClip, 0, 1e6),
    augment: Boolean(d.augment),
    seed: int('seed', d.seed, 0, 0xffffffff),
    evaluateEachEpoch: Boolean(d.evaluateEachEpoch),
  };
  if (config.excludeClass !== null) int('class', config.excludeClass, 0, numClasses - 1);
  return config;
}
