import type { ResultHeadline } from '../api/types.js';

const ROLE_RANK = { original: 0, retrained: 1, unlearned: 2 } as const;

/** Default table order: Original, then Retrained, then unlearned records by creation time (oldest first). */
export function defaultOrder(rows: readonly ResultHeadline[]): ResultHeadline[] {
  return [...rows].sort((a, b) => ROLE_RANK[a.role] - ROLE_RANK[b.role] || (a.createdAt ?? '').localeCompare(b.createdAt ?? '') || a.id.localeCompare(b.id));
}
