import type { TrainProgress, UnlearnProgress } from '@mu/engine';
import type { JobProgress } from '../schemas/job.js';

type Progress = Omit<JobProgress, 'seq'>;

const BLANK = {
  epoch: null, epochs: null, batch: null, batches: null, loss: null, accuracy: null, forgetAccuracy: null,
  imagesPerSecond: null, etaSeconds: null, done: null, total: null, message: null,
} as const;

/**
 * Turns the engine's hooks into progress reports for one job: the stage, the engine's own
 * numbers (epoch, batch, loss, accuracy, images/s, ETA), and a rate and ETA within evaluation
 * stages from their done/total counts. Reports are sent at most every `intervalMs`, except
 * stage changes and the last report of an epoch or stage, which always go out.
 */
export class ProgressReporter {
  private current: Progress = { at: '', stage: 'queued', step: null, ...BLANK };
  private lastSent = 0;
  private stageStart = performance.now();

  constructor(private readonly send: (p: Progress) => void, private readonly intervalMs = 250) {}

  /** Starts work on another model, e.g. `Original for class 3`. */
  step(step: string): void {
    this.current = { ...this.current, step };
  }

  stage(stage: string): void {
    this.current = { ...this.current, ...BLANK, stage };
    this.stageStart = performance.now();
    this.flush(true);
  }

  /** Training of an Original or Retrained model (buildBaseline's onProgress). */
  training(p: TrainProgress): void {
    this.patch(
      {
        stage: 'training',
        epoch: p.epoch, epochs: p.epochs, batch: p.batch, batches: p.batches, loss: p.loss, accuracy: p.accuracy,
        imagesPerSecond: p.imagesPerSecond, etaSeconds: p.etaSeconds,
        message: p.stage === 'evaluating' ? `test accuracy after epoch ${p.epoch}` : null,
      },
      p.batch === p.batches,
    );
  }

  /** An unlearning method's steps and epochs, timed by the engine's own clock (RTE). */
  unlearning(p: UnlearnProgress): void {
    const partial = p.steps > 0 && p.step < p.steps ? p.step / p.steps : 0;
    const fraction = p.epochs > 0 ? Math.min(1, (p.epoch + partial) / p.epochs) : 0;
    this.patch(
      {
        epoch: Math.min(p.epoch + 1, p.epochs), epochs: p.epochs, batch: p.step, batches: p.steps, loss: p.loss,
        forgetAccuracy: p.forgetAccuracy, message: p.message,
        etaSeconds: fraction > 0 ? (p.seconds * (1 - fraction)) / fraction : null,
      },
      p.step === p.steps,
    );
  }

  /** Images (or UMAP epochs) done within an evaluation stage. */
  count(done: number, total: number): void {
    const seconds = (performance.now() - this.stageStart) / 1000;
    const rate = seconds > 0 ? done / seconds : null;
    this.patch(
      {
        done, total,
        imagesPerSecond: this.current.stage === 'embedding' ? null : rate,
        etaSeconds: rate && rate > 0 ? (total - done) / rate : null,
      },
      done === total,
    );
  }

  private patch(fields: Partial<Progress>, force: boolean): void {
    this.current = { ...this.current, ...fields };
    this.flush(force);
  }

  private flush(force: boolean): void {
    const now = performance.now();
    if (!force && now - this.lastSent < this.intervalMs) return;
    this.lastSent = now;
    this.send({ ...this.current, at: new Date().toISOString() });
  }
}
