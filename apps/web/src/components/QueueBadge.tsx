import type { Health } from '../api/types.js';
import { queueStatus } from '../derive/queueStatus.js';

/**
 * The queue mode beside the backend badge; in BullMQ mode it opens onto the remote workers
 * (name, backend, current job, last heartbeat).
 */
export function QueueBadge({ health, now }: { health: Health; now: number }) {
  const status = queueStatus(health, now);
  if (health.queue.mode === 'embedded') {
    return <span className="backend queue-badge" data-testid="queue" title="Jobs run in the server's own worker threads">{status.label}</span>;
  }
  return (
    <details className="backend queue-badge" data-testid="queue">
      <summary title="Jobs run on remote workers through BullMQ on Redis">{status.label}</summary>
      <div className="queue-workers">
        {status.note && <p>{status.note}</p>}
        {status.workers.length > 0 && (
          <table>
            <thead>
              <tr><th>worker</th><th>backend</th><th>job</th><th>heartbeat</th></tr>
            </thead>
            <tbody>
              {status.workers.map((w) => (
                <tr key={w.name}><td>{w.name}</td><td>{w.backend}</td><td>{w.job}</td><td>{w.heartbeat}</td></tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </details>
  );
}
