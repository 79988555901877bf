import { useState } from 'react';

/**
 * A second press confirms: `guard(key, warning, run)` runs at once when there is no warning,
 * else the first press only arms `key` (the caller shows `armed.warning`) and the next one runs.
 * Inline, because the app never opens blocking dialogs (ui.md: "no blocking dialog appears anywhere").
 */
export function useConfirmOnce(): { armed: { key: string; warning: string } | null; guard(key: string, warning: string | null, run: () => void): void; disarm(): void } {
  const [armed, setArmed] = useState<{ key: string; warning: string } | null>(null);
  return {
    armed,
    guard: (key, warning, run) => {
      if (warning !== null && armed?.key !== key) return setArmed({ key, warning });
      setArmed(null);
      run();
    },
    disarm: () => setArmed(null),
  };
}
