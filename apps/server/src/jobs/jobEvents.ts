import type { Job, JobProgress } from '../schemas/job.js';

export type JobEvent = { type: 'job'; job: Job } | { type: 'progress'; jobId: string; parentId: string | null; progress: JobProgress };
type Listener = (event: JobEvent) => void;

/** The in-process bus from the job queue to event-stream subscribers. */
export class JobEvents {
  private readonly listeners = new Set<Listener>();

  publish(event: JobEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // a subscriber's failure (a closed socket) must not stop the others
      }
    }
  }

  /** Returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get size(): number {
    return this.listeners.size;
  }
}
