import type { TrainProgress } from '../train/train.js';

export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '--:--';
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** One status line for a training progress event. */
export function formatProgress(p: TrainProgress): string {
  return (
    `epoch ${p.epoch}/${p.epochs} batch ${p.batch}/${p.batches} ` +
    `loss ${p.loss.toFixed(4)} acc ${p.accuracy.toFixed(3)} lr ${p.lr.toPrecision(3)} ` +
    `${p.imagesPerSecond.toFixed(1)} img/s ETA ${formatDuration(p.etaSeconds)}` +
    (p.stage === 'evaluating' ? ' (evaluating)' : '')
  );
}

/**
 * Renders training progress: a live bar redrawn in place on a TTY, plain lines otherwise
 * (at most one every `plainIntervalMs`, plus one at the end of each epoch).
 */
export function createProgressReporter(stream: NodeJS.WriteStream = process.stderr, plainIntervalMs = 10_000) {
  let lastPlain = 0;
  return {
    progress(p: TrainProgress): void {
      if (stream.isTTY) {
        const width = 24;
        const filled = Math.round((width * p.batch) / Math.max(p.batches, 1));
        const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
        stream.write(`\r\x1b[2K${bar} ${formatProgress(p)}`);
        return;
      }
      const now = Date.now();
      if (now - lastPlain >= plainIntervalMs) {
        lastPlain = now;
        stream.write(`${formatProgress(p)}\n`);
      }
    },
    line(text: string): void {
      stream.write(stream.isTTY ? `\r\x1b[2K${text}\n` : `${text}\n`);
    },
  };
}
