/**
 * The option a key moves to in a radio group or tab list (WAI-ARIA APG): ←/↑ previous, →/↓ next,
 * both wrapping and skipping disabled options; Home first, End last. Null for other keys, or
 * when no option is enabled.
 */
export function rovingTarget(key: string, current: number, enabled: readonly boolean[]): number | null {
  const n = enabled.length;
  const firstFrom = (start: number, step: 1 | -1): number | null => {
    for (let k = 0; k < n; k++) {
      const i = (((start + step * k) % n) + n) % n;
      if (enabled[i]) return i;
    }
    return null;
  };
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return firstFrom(current + 1, 1);
    case 'ArrowLeft':
    case 'ArrowUp':
      return firstFrom(current - 1, -1);
    case 'Home':
      return firstFrom(0, 1);
    case 'End':
      return firstFrom(n - 1, -1);
    default:
      return null;
  }
}
