import { useEffect, useState } from 'react';
import { backendBadge } from '../derive/backendBadge.js';
import { STAGES } from '../stores/contextSlice.js';
import { useAppStore } from '../stores/store.js';
import { ClassTabs } from './ClassTabs.js';
import { QueueBadge } from './QueueBadge.js';

/** How often the remote workers' list is read again (their heartbeats come every 5 s). */
const WORKERS_REFRESH_MS = 5_000;

const STAGE_LABEL = { build: 'Build', screen: 'Screen', contrast: 'Contrast', attack: 'Attack', overview: 'Overview' } as const;

/**
 * Header: title, architecture and dataset selects and stage tabs on one line; the forget-class tabs,
 * CVD toggle, backend and queue badges below, so that the first line fits from 1280 px up.
 */
export function Header() {
  const s = useAppStore();
  const [pending, setPending] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const backend = s.health?.backend;
  const badge = backend ? backendBadge(backend) : null;
  const remote = s.health?.queue.mode === 'bullmq';
  const { refreshHealth } = s;
  useEffect(() => {
    if (!remote) return;
    const timer = setInterval(() => void refreshHealth().then(() => setNow(Date.now())), WORKERS_REFRESH_MS);
    return () => clearInterval(timer);
  }, [remote, refreshHealth]);
  return (
    <header className="header">
      <div className="header-row">
        <span className="logo" aria-hidden>◐</span>
        <h1 className="title">Unlearning Comparator</h1>
        <label className="header-select">
          Architecture
          <select value={s.architecture ?? ''} onChange={(e) => s.dataset && s.setContext(s.dataset, e.target.value)} aria-label="Architecture">
            {s.architectures.map((a) => (
              <option key={a.id} value={a.id}>{a.label}</option>
            ))}
          </select>
        </label>
        <label className="header-select">
          Dataset
          <select
            value={pending ?? s.dataset ?? ''}
            aria-label="Dataset"
            onChange={(e) => {
              setPending(null);
              if (s.architecture) s.setContext(e.target.value, s.architecture);
            }}
          >
            {s.datasets.map((d) => (
              <option key={d.id} value={d.id} disabled={!d.available} title={d.problem ?? undefined}>
                {d.label}{d.available ? '' : ' (no data)'}
              </option>
            ))}
          </select>
        </label>
        <nav aria-label="Stages">
          <div className="stage-nav" role="tablist" aria-label="Stages">
            {STAGES.map((st, i) => (
              <button
                key={st}
                id={`stage-tab-${st}`}
                role="tab"
                aria-selected={st === s.stage}
                aria-controls={`stage-${st}`}
                tabIndex={st === s.stage ? 0 : -1}
                className={st === s.stage ? 'active' : ''}
                onClick={() => s.setStage(st)}
              >
                {st === 'overview' ? STAGE_LABEL[st] : `${i + 1}. ${STAGE_LABEL[st]}`}
              </button>
            ))}
          </div>
        </nav>
      </div>
      <div className="header-row2">
        <ClassTabs />
        <span className="spacer" />
        <label className="cvd-toggle" title="Colour-vision-safe palette: blue / vermillion models and a class palette tested under protan, deutan and tritan vision">
          <input type="checkbox" checked={s.cvdSafe} onChange={(e) => s.setUi({ cvdSafe: e.target.checked })} /> CVD-safe colours
        </label>
        <span className={`backend ${s.eventsConnected ? 'ok' : 'down'}`} data-testid="backend" title={badge?.title ?? 'Compute backend of the server'}>
          {s.catalogError ? 'server offline' : (badge?.text ?? (remote ? 'backend: remote workers' : 'backend: …'))}
        </span>
        {s.health && <QueueBadge health={s.health} now={now} />}
      </div>
    </header>
  );
}
