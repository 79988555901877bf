import type {
  Architecture,
  BaselineStatus,
  Checkpoint,
  Dataset,
  Health,
  ImportReport,
  Job,
  JobSpec,
  MethodInfo,
  ResultHeadline,
  ResultRecord,
  TimeEstimates,
} from './types.js';

/** A failed request: the server's one-line message, and the HTTP status (0 when unreachable). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(`server unreachable: ${path}`, 0);
  }
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`;
    try {
      const body = (await response.json()) as { message?: string };
      if (body.message) message = body.message;
    } catch {
      // not JSON: keep the status line
    }
    throw new ApiError(message, response.status);
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

const query = (params: Record<string, string | number | undefined>) => {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined) as [string, string | number][];
  return entries.length === 0 ? '' : '?' + new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString();
};

const json = (method: string, body: unknown): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

export interface ResultFilter {
  dataset?: string;
  architecture?: string;
  forgetClass?: number;
}

/** The typed REST client: the only module that calls fetch (besides the event stream). */
export const api = {
  health: () => request<Health>('/api/health'),
  datasets: () => request<Dataset[]>('/api/datasets'),
  architectures: () => request<Architecture[]>('/api/architectures'),
  methods: () => request<MethodInfo[]>('/api/methods'),
  baselines: (dataset: string, architecture: string) => request<BaselineStatus>(`/api/baselines${query({ dataset, architecture })}`),
  estimates: (dataset: string, architecture: string) => request<TimeEstimates>(`/api/estimates${query({ dataset, architecture })}`),
  checkpoints: () => request<Checkpoint[]>('/api/checkpoints'),
  /** Makes an Original or Retrained model the reference of its kind. */
  designate: (checkpointId: string) => request<Checkpoint>(`/api/checkpoints/${encodeURIComponent(checkpointId)}/designate`, { method: 'POST' }),
  results: (filter: ResultFilter) => request<ResultHeadline[]>(`/api/results${query({ ...filter, view: 'headline' })}`),
  result: (id: string) => request<ResultRecord>(`/api/results/${encodeURIComponent(id)}`),
  /** The image indices and labels behind an embedding sample id "<dataset>/<sample>". */
  embeddingSample: (sampleId: string) => {
    const [dataset, sample] = sampleId.split('/');
    return request<{ sampleId: string; indices: number[]; trueClass: number[] }>(`/api/datasets/${encodeURIComponent(dataset)}/samples/${encodeURIComponent(sample)}`);
  },
  deleteResult: (id: string) => request<void>(`/api/results/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  exportUrl: (format: 'csv' | 'json', ids: string[]) => `/api/results/export${query({ format, ids: ids.join(',') })}`,
  /** The weights of a checkpoint the server holds (a record's `modelId`): ours, or a PyTorch .pth / .safetensors. */
  weightsUrl: (modelId: string, format: 'bin' | 'pth' | 'safetensors' = 'bin') =>
    `/api/checkpoints/${encodeURIComponent(modelId)}/weights${format === 'bin' ? '' : query({ format })}`,
  jobs: () => request<Job[]>('/api/jobs?limit=200'),
  job: (id: string) => request<Job>(`/api/jobs/${id}`),
  createJob: (spec: JobSpec) => request<Job>('/api/jobs', json('POST', spec)),
  cancelJob: (id: string) => request<Job>(`/api/jobs/${id}/cancel`, { method: 'POST' }),
  importResults: (files: File[]) => {
    const form = new FormData();
    for (const f of files) form.append('files', f, f.name);
    return request<ImportReport>('/api/imports/results', { method: 'POST', body: form });
  },
  importCheckpoint: (meta: File, weights: File) => {
    const form = new FormData();
    form.append('meta', meta, meta.name);
    form.append('weights', weights, weights.name);
    return request<Checkpoint>('/api/imports/checkpoints', { method: 'POST', body: form });
  },
  /** PyTorch weights (.pth or .safetensors): checked at once, then measured and evaluated by an import job. */
  importWeights: (file: File, target: { dataset: string; architecture: string; role: 'original' | 'retrained' | 'unlearned'; forgetClass: number | null }) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return request<Job>(`/api/imports/weights${query({ ...target, forgetClass: target.forgetClass ?? undefined })}`, { method: 'POST', body: form });
  },
  imageUrl: (dataset: string, split: 'train' | 'test', index: number) => `/api/datasets/${encodeURIComponent(dataset)}/images/${split}/${index}`,
  /** One PNG sprite sheet of many images, tile k = indices[k] (layout: derive/spriteSheet.ts). */
  thumbnailsUrl: (dataset: string, split: 'train' | 'test', indices: readonly number[]) => `/api/datasets/${encodeURIComponent(dataset)}/thumbnails?split=${split}&indices=${indices.join(',')}`,
};
