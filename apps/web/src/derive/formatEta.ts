/** Seconds as "~2 min 10 s" (never negative; null → ""). */
export function formatEta(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `~${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `~${m} min ${s % 60} s`;
  return `~${Math.floor(m / 60)} h ${m % 60} min`;
}
