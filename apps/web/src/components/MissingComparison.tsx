import { missingComparison } from '../derive/missingComparison.js';
import { useAppStore } from '../stores/store.js';
import { useClassNames } from '../stores/useClassNames.js';
import { EmptyState } from './EmptyState.js';

const STAGE_LABEL = { build: 'Go to Build', screen: 'Go to Screen' } as const;

/** The empty state of a view that compares A and B while there is no pair: what is missing, and a button to the stage that fixes it. */
export function MissingComparison() {
  const rows = useAppStore((s) => s.rows.length);
  const original = useAppStore((s) => s.baselines?.original !== null && s.baselines?.original !== undefined);
  const fc = useAppStore((s) => s.forgetClass);
  const retrained = useAppStore((s) => Boolean(s.baselines?.classes.find((c) => c.forgetClass === fc)?.retrained));
  const setStage = useAppStore((s) => s.setStage);
  const classNames = useClassNames();
  const m = missingComparison({ rows, original, retrained, className: fc === null ? '' : classNames[fc] ?? String(fc) });
  return <EmptyState message={m.message} action={{ label: STAGE_LABEL[m.stage], onClick: () => setStage(m.stage) }} />;
}
