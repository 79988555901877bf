import { architectureInfo, describeDataset, findDataset, getMethod, resolveParams, resolveTrainConfig, type DatasetDescriptor } from '@mu/engine';
import { isSweepable, type ParamValue } from '@mu/schema';
import { as, badRequest, conflict } from '../http/apiError.js';
import type { StoredJobSpec, UnlearnJobSpec } from '../schemas/job.js';
import type { Store } from '../store/store.js';
import { sweepGrid, sweepSize } from './sweepGrid.js';

export const MAX_SWEEP_RUNS = 256;

/**
 * Checks a job request against the engine and the stored models before it is queued, so that
 * a bad request answers 4xx at once instead of failing later: dataset, architecture, class,
 * training settings, method and hyperparameters (resolved with the method's descriptor), base
 * model, and an Original to work from. A sweep is expanded into its unlearn jobs here.
 * Returns the specs to queue: the job itself, then a sweep's children.
 */
export function planJob(spec: StoredJobSpec, store: Store): { spec: StoredJobSpec; children: UnlearnJobSpec[] } {
  const dataset = as(400, () => describeDataset(spec.dataset));
  as(400, () => architectureInfo(spec.architecture));
  const location = findDataset(dataset.id);
  if (!location.location) throw conflict(`dataset ${dataset.id} is not available on this server (searched ${location.searched.join(', ')})`);

  switch (spec.kind) {
    case 'original': {
      for (const c of spec.evaluateClasses ?? []) checkClass('evaluateClasses', c, dataset);
      const { kind: _k, evaluateClasses: _e, ...training } = spec;
      as(400, () => resolveTrainConfig({ ...training, excludeClass: null }, dataset.numClasses));
      return { spec, children: [] };
    }
    case 'retrained': {
      checkClass('forgetClass', spec.forgetClass, dataset);
      const { kind: _k, forgetClass, ...training } = spec;
      as(400, () => resolveTrainConfig({ ...training, excludeClass: forgetClass }, dataset.numClasses));
      requireOriginal(spec, store);
      return { spec, children: [] };
    }
    case 'unlearn':
      checkUnlearn(spec, spec.params ?? {}, dataset, store);
      requireOriginal(spec, store);
      return { spec, children: [] };
    case 'import': {
      if (spec.forgetClass !== null) checkClass('forgetClass', spec.forgetClass, dataset);
      else if (spec.role !== 'original') throw badRequest(`a ${spec.role} model needs a forgetClass`);
      if (spec.role !== 'original') requireOriginal(spec, store);
      return { spec, children: [] };
    }
    case 'sweep': {
      const { kind: _k, grid, seeds = [2048], params = {}, ...rest } = spec;
      const runs = sweepSize(grid, seeds.length);
      if (runs > MAX_SWEEP_RUNS) throw badRequest(`sweep has ${runs} runs (at most ${MAX_SWEEP_RUNS})`);
      const children = sweepGrid(params, grid).flatMap((p) => seeds.map((seed): UnlearnJobSpec => ({ ...rest, kind: 'unlearn', params: p, seed })));
      const method = as(400, () => getMethod(spec.method));
      for (const [key, values] of Object.entries(grid)) {
        const param = method.descriptor.params.find((p) => p.key === key);
        if (param && values.length > 1 && !isSweepable(param)) throw badRequest(`parameter ${key} of ${spec.method} cannot be swept (its descriptor does not mark it sweepable)`);
        if (new Set(values).size !== values.length) throw badRequest(`sweep grid ${key} repeats a value`);
      }
      for (const child of children) checkUnlearn(child, child.params ?? {}, dataset, store);
      requireOriginal(spec, store);
      return { spec, children };
    }
  }
}

function checkClass(field: string, value: number, dataset: DatasetDescriptor): void {
  if (value >= dataset.numClasses) throw badRequest(`invalid ${field}: ${value} (expected 0..${dataset.numClasses - 1} for ${dataset.id})`);
}

function checkUnlearn(spec: Omit<UnlearnJobSpec, 'kind'>, params: Record<string, ParamValue>, dataset: DatasetDescriptor, store: Store): void {
  checkClass('forgetClass', spec.forgetClass, dataset);
  const method = as(400, () => getMethod(spec.method));
  as(400, () => resolveParams(method.descriptor, params));
  if (spec.baseModelId !== undefined) {
    const base = store.checkpoints.get(spec.baseModelId);
    if (!base) throw badRequest(`unknown baseModelId: ${spec.baseModelId} (no such checkpoint)`);
    if (base.dataset !== dataset.id || base.architecture !== spec.architecture) {
      throw badRequest(`baseModelId ${base.id} is a ${base.architecture} on ${base.dataset}, not a ${spec.architecture} on ${dataset.id}`);
    }
    if (base.forgetClass !== null && base.forgetClass !== spec.forgetClass) {
      throw badRequest(`baseModelId ${base.id} belongs to class ${base.forgetClass}, not ${spec.forgetClass}`);
    }
  }
}

/** Retrained, unlearn and import jobs need an Original: present, or queued to be built or imported first. */
function requireOriginal(spec: { dataset: string; architecture: string }, store: Store): void {
  const scope = { dataset: spec.dataset, architecture: spec.architecture };
  if (store.checkpoints.designated({ role: 'original', ...scope })) return;
  const same = (s: StoredJobSpec) => s.dataset === spec.dataset && s.architecture === spec.architecture;
  if (store.jobs.pending('original', same) || store.jobs.pending('import', (s) => same(s) && s.kind === 'import' && s.role === 'original')) return;
  throw conflict(`no Original model for ${spec.dataset} / ${spec.architecture}: build one first (a job of kind original)`);
}
