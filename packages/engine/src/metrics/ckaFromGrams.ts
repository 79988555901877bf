import { hsic1, hsic1Terms } from './hsic1.js';

/** The two Gram matrices (n × n, row-major) of one mini-batch. */
export interface GramBatch {
  k: ArrayLike<number>;
  l: ArrayLike<number>;
  n: number;
}

// Self-similarity below this share of its own first term is rounding noise of a zero.
const DEGENERATE = 1e-10;

/**
 * Mini-batch CKA from per-batch Gram matrices: Σ HSIC₁(K,L) / √(Σ HSIC₁(K,K) · Σ HSIC₁(L,L)),
 * clipped to [0, 1]; null when either self-similarity sum is not positive (e.g. a constant
 * layer). Lets a caller build the Gram matrices on a fast backend and reduce in float64 here.
 *
 *   ckaFromGrams([{ k: gramOfX, l: gramOfY, n: 200 }, …])
 */
export function ckaFromGrams(batches: Iterable<GramBatch>): number | null {
  let kl = 0;
  const kk = { value: 0, scale: 0 };
  const ll = { value: 0, scale: 0 };
  let count = 0;
  for (const { k, l, n } of batches) {
    kl += hsic1(k, l, n);
    add(kk, hsic1Terms(k, k, n));
    add(ll, hsic1Terms(l, l, n));
    count++;
  }
  if (count === 0) throw new Error('invalid CKA input: no batch (expected at least one batch of more than 3 samples)');
  if (!(kk.value > DEGENERATE * kk.scale && ll.value > DEGENERATE * ll.scale)) return null;
  return Math.min(1, Math.max(0, kl / Math.sqrt(kk.value * ll.value)));
}

function add(sum: { value: number; scale: number }, terms: { value: number; scale: number }): void {
  sum.value += terms.value;
  sum.scale += terms.scale;
}
