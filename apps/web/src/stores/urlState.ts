import type { AttackMetric, Strategy } from '../derive/thresholdStrategies.js';
import type { Highlight } from '../derive/embeddingPoints.js';
import { decodeInstanceSet, encodeInstanceSet } from '../derive/instanceSetCode.js';
import { decodeParallelUrl, encodeParallelUrl, type ParallelUrlState } from '../derive/parallelUrl.js';
import { STAGES, type Stage } from './contextSlice.js';
import { activeGroup } from './selectionSlice.js';
import type { AppState } from './store.js';

/** The shareable part of the state, as it appears in the URL. */
export type UrlState = Partial<
  Pick<
    AppState,
    'stage' | 'dataset' | 'architecture' | 'forgetClass' | 'openClasses' | 'modelA' | 'modelB' | 'groupA' | 'groupB' | 'metric' | 'strategy' | 'highlight' | 'ckaAgainst' | 'splitAccuracy' | 'splitMatrix' | 'splitCka' | 'aligned' | 'parallelOpen' | 'methodFilter'
  >
> & { threshold?: number } & Partial<ParallelUrlState> & Partial<Pick<AppState, 'instanceSetExpr'>>;

const METRICS: AttackMetric[] = ['entropy', 'confidence'];
const STRATEGIES: Strategy[] = ['custom', 'maxScore', 'maxSuccess', 'common'];
const HIGHLIGHTS: Highlight[] = ['all', 'forget', 'forgotten', 'notForgotten', 'overly'];

/** State → query string (only values that differ from the defaults). */
export function encodeUrlState(s: AppState): string {
  const q = new URLSearchParams();
  q.set('stage', s.stage);
  if (s.dataset) q.set('d', s.dataset);
  if (s.architecture) q.set('a', s.architecture);
  if (s.forgetClass !== null) q.set('fc', String(s.forgetClass));
  if (s.openClasses.length > 1) q.set('open', s.openClasses.join(','));
  if (s.modelA) q.set('A', s.modelA);
  if (s.modelB) q.set('B', s.modelB);
  const gA = activeGroup(s.groupA, s.modelA);
  const gB = activeGroup(s.groupB, s.modelB);
  if (gA) q.set('gA', gA.join(','));
  if (gB) q.set('gB', gB.join(','));
  if (s.metric !== 'entropy') q.set('metric', s.metric);
  if (s.strategy !== 'custom') q.set('strategy', s.strategy);
  if (s.strategy === 'custom') q.set('t', String(s.customThreshold[s.metric]));
  if (s.highlight !== 'all') q.set('hl', s.highlight);
  if (s.ckaAgainst !== 'original') q.set('cka', s.ckaAgainst);
  const splits = [s.splitAccuracy, s.splitMatrix, s.splitCka].map((x) => (x === 'train' ? 'r' : 'e')).join('');
  if (splits !== 'rrr') q.set('splits', splits);
  if (s.aligned) q.set('align', '1');
  if (s.parallelOpen) q.set('pc', '1');
  if (s.methodFilter.length > 0) q.set('methods', s.methodFilter.join(','));
  encodeParallelUrl(s, q);
  if (s.instanceSetExpr) q.set('set', encodeInstanceSet(s.instanceSetExpr));
  return q.toString();
}

const oneOf = <T extends string>(value: string | null, options: readonly T[]): T | undefined =>
  value !== null && (options as readonly string[]).includes(value) ? (value as T) : undefined;

/** Query string → state patch; unknown or malformed values are dropped, never thrown. */
export function decodeUrlState(search: string): UrlState {
  const q = new URLSearchParams(search);
  const out: UrlState = {};
  const stage = oneOf<Stage>(q.get('stage'), STAGES);
  if (stage) out.stage = stage;
  if (q.get('d')) out.dataset = q.get('d');
  if (q.get('a')) out.architecture = q.get('a');
  const fc = Number(q.get('fc'));
  if (q.get('fc') !== null && Number.isInteger(fc) && fc >= 0) out.forgetClass = fc;
  const open = (q.get('open') ?? '').split(',').filter((x) => /^\d+$/.test(x)).map(Number);
  if (out.forgetClass !== undefined && out.forgetClass !== null) out.openClasses = [...new Set([...open, out.forgetClass])].sort((a, b) => a - b);
  if (q.get('A')) out.modelA = q.get('A');
  if (q.get('B')) out.modelB = q.get('B');
  const group = (key: string) => (q.get(key) ?? '').split(',').filter((id) => /^[\w-]+$/.test(id));
  if (group('gA').length > 1) out.groupA = group('gA');
  if (group('gB').length > 1) out.groupB = group('gB');
  const metric = oneOf(q.get('metric'), METRICS);
  if (metric) out.metric = metric;
  const strategy = oneOf(q.get('strategy'), STRATEGIES);
  if (strategy) out.strategy = strategy;
  const t = Number(q.get('t'));
  if (q.get('t') !== null && Number.isFinite(t)) out.threshold = t;
  const hl = oneOf(q.get('hl'), HIGHLIGHTS);
  if (hl) out.highlight = hl;
  const cka = oneOf(q.get('cka'), ['original', 'retrained'] as const);
  if (cka) out.ckaAgainst = cka;
  const splits = q.get('splits');
  if (splits && /^[re]{3}$/.test(splits)) {
    const s = [...splits].map((c) => (c === 'r' ? 'train' : 'test') as 'train' | 'test');
    out.splitAccuracy = s[0];
    out.splitMatrix = s[1];
    out.splitCka = s[2];
  }
  if (q.get('align') === '1') out.aligned = true;
  if (q.get('pc') === '1') out.parallelOpen = true;
  if (q.get('methods')) out.methodFilter = q.get('methods')!.split(',').filter(Boolean);
  Object.assign(out, decodeParallelUrl(q));
  const set = decodeInstanceSet(q.get('set') ?? '');
  if (set) out.instanceSetExpr = set;
  return out;
}

/** Applies a decoded URL to the store's state shape. */
export function urlStatePatch(u: UrlState, current: AppState): Partial<AppState> {
  const { threshold, ...rest } = u;
  const patch: Partial<AppState> = { ...rest };
  if (threshold !== undefined) patch.customThreshold = { ...current.customThreshold, [u.metric ?? current.metric]: threshold };
  return patch;
}
