import type { ReactNode } from 'react';

/** A centred grey message with a button leading to the fix. */
export function EmptyState({ message, action }: { message: string; action?: { label: string; onClick(): void } | ReactNode }) {
  return (
    <div className="empty-state" role="note">
      <p>{message}</p>
      {action && typeof action === 'object' && 'label' in action ? <button onClick={action.onClick}>{action.label}</button> : (action as ReactNode)}
    </div>
  );
}
