import type { EvaluationSettings } from '@mu/engine';
import type { ResultRecord } from '@mu/schema';
import type { ComputeJobSpec, JobProgress } from '../schemas/job.js';

/** Given to each worker thread when it starts. */
export interface WorkerSetup {
  /** Custom methods folder, loaded into the worker's registry (null: none). */
  methodsDir: string | null;
  evaluation: EvaluationSettings | null;
}

/** The models a job works with, resolved by the main thread from the checkpoint index. */
export interface JobInputs {
  /** Designated Original (Retrained and unlearn jobs). */
  originalId: string | null;
  /** Designated Retrained of the forget class (unlearn jobs), or per class (Original jobs). */
  retrainedIds: Record<number, string>;
  /** Starting model of an unlearn job other than the Original. */
  baseId: string | null;
}

export interface WorkerJob {
  id: string;
  spec: ComputeJobSpec;
  inputs: JobInputs;
  /** Where committed checkpoints are read from. */
  checkpointDir: string;
  /** Where this job writes its checkpoints before they are committed. */
  stagingDir: string;
  /** The uploaded weights file of an import job, else null. */
  uploadFile: string | null;
}

/** Main thread → worker. */
export type ToWorker =
  | { type: 'run'; job: WorkerJob }
  | { type: 'cancel'; jobId: string }
  | { type: 'committed'; jobId: string; error: string | null };

/** Worker → main thread. */
export type FromWorker =
  | { type: 'ready'; backend: { name: string; threads: number | null } }
  | { type: 'startup-failed'; error: string }
  | { type: 'progress'; jobId: string; progress: Omit<JobProgress, 'seq'> }
  /** The job's outputs are complete; the worker waits for `committed` before it reports `done`. */
  | { type: 'commit'; jobId: string; checkpointIds: string[]; records: ResultRecord[] }
  | { type: 'done'; jobId: string; outcome: 'succeeded' | 'failed' | 'cancelled'; error: string | null };
