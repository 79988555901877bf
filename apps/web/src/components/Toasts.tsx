import { useAppStore } from '../stores/store.js';

/** Dismissible toasts (role=status / alert), bottom right. */
export function Toasts() {
  const toasts = useAppStore((s) => s.toasts);
  const dismiss = useAppStore((s) => s.dismissToast);
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast ${t.kind}`} role={t.kind === 'error' ? 'alert' : 'status'}>
          <span>{t.message}</span>
          {t.actions?.map((a) => (
            <button key={a.label} onClick={() => { a.run(); dismiss(t.id); }}>{a.label}</button>
          ))}
          <button aria-label="Dismiss" onClick={() => dismiss(t.id)}>×</button>
        </div>
      ))}
    </div>
  );
}
