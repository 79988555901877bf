import type { ResultRecord } from '@mu/schema';

/**
 * A baseline's training history (per-epoch summaries saved with its checkpoint) as a record's
 * `history`: loss, lr and cumulative timed seconds per epoch. Forget accuracy is not measured
 * while a baseline trains. Anything that is not such a list (older checkpoints) gives [].
 */
export function trainingHistory(saved: unknown): ResultRecord['history'] {
  if (!Array.isArray(saved)) return [];
  let seconds = 0;
  const out: ResultRecord['history'] = [];
  for (const e of saved as { epoch?: unknown; lr?: unknown; loss?: unknown; seconds?: unknown }[]) {
    if (typeof e?.epoch !== 'number' || typeof e.lr !== 'number' || typeof e.seconds !== 'number') return [];
    seconds += e.seconds;
    out.push({ epoch: e.epoch, lr: e.lr, loss: typeof e.loss === 'number' && Number.isFinite(e.loss) ? e.loss : null, forgetAccuracy: null, seconds });
  }
  return out;
}
