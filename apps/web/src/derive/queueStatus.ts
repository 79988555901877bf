import type { Health } from '../api/types.js';

export interface WorkerLine {
  name: string;
  backend: string;
  job: string;
  heartbeat: string;
}

export interface QueueStatus {
  /** The badge: where jobs run. */
  label: string;
  /** Remote workers, by name (empty in embedded mode). */
  workers: WorkerLine[];
  /** Why there is no worker list, when there is none to show in BullMQ mode. */
  note: string | null;
}

/** What the header says about the job queue, from /api/health, at time `nowMs`. */
export function queueStatus(health: Health, nowMs: number): QueueStatus {
  const { mode, workers } = health.queue;
  if (mode === 'embedded') return { label: 'queue: embedded', workers: [], note: null };
  if (workers === null) return { label: 'queue: BullMQ · workers unknown', workers: [], note: 'Redis does not answer: the remote workers are unknown.' };
  const lines = workers.map((w) => ({
    name: w.name,
    backend: w.backend ? `${w.backend.name}${w.backend.adapter ? ` (${w.backend.adapter.name ?? w.backend.adapter.vendor ?? 'GPU'})` : ''}${w.backend.threads === null ? '' : ` · ${w.backend.threads} threads`}` : 'starting',
    job: w.jobIds.length === 0 ? 'idle' : w.jobIds.map((id) => `job ${id}`).join(', '),
    heartbeat: `${Math.max(0, Math.round((nowMs - Date.parse(w.at)) / 1000))} s ago`,
  }));
  const count = `${lines.length} worker${lines.length === 1 ? '' : 's'}`;
  return { label: `queue: BullMQ · ${count}`, workers: lines, note: lines.length === 0 ? 'No remote worker is connected: jobs wait in Redis until one joins (mu worker).' : null };
}
