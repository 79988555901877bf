import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Health } from '../api/types.js';
import { QueueBadge } from './QueueBadge.js';

const NOW = Date.parse('2026-01-01T12:00:10Z');
const health = (queue: Health['queue']): Health => ({ status: 'ok', uptimeSeconds: 5, backend: null, jobs: { queued: 0, running: 1 }, queue });
const render = (h: Health) => renderToStaticMarkup(createElement(QueueBadge, { health: h, now: NOW }));
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();

describe('QueueBadge', () => {
  it('says the jobs run in the server in embedded mode, with no worker list', () => {
    const html = render(health({ mode: 'embedded', workers: null }));
    expect(text(html)).toBe('queue: embedded');
    expect(html).not.toContain('<table');
  });

  it('lists the remote workers with their backend, current job and last heartbeat', () => {
    const html = render(
      health({
        mode: 'bullmq',
        workers: [
          { name: 'gpu-a', backend: { name: 'webgpu', threads: null, adapter: { vendor: 'nvidia', name: 'NVIDIA H200', driver: null }, candidates: [] }, jobIds: ['1a2b3c4d'], at: '2026-01-01T12:00:07Z' },
          { name: 'gpu-b', backend: null, jobIds: [], at: '2026-01-01T12:00:10Z' },
        ],
      }),
    );
    const rows = [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => [...m[1].matchAll(/<t[dh]>(.*?)<\/t[dh]>/g)].map((c) => c[1]));
    expect(rows).toEqual([
      ['worker', 'backend', 'job', 'heartbeat'],
      ['gpu-a', 'webgpu (NVIDIA H200)', 'job 1a2b3c4d', '3 s ago'],
      ['gpu-b', 'starting', 'idle', '0 s ago'],
    ]);
    expect(text(html)).toMatch(/^queue: BullMQ · 2 workers/);
  });

  it('says when no worker is connected, and when Redis does not answer', () => {
    expect(text(render(health({ mode: 'bullmq', workers: [] })))).toBe('queue: BullMQ · 0 workers No remote worker is connected: jobs wait in Redis until one joins (mu worker).');
    expect(text(render(health({ mode: 'bullmq', workers: null })))).toBe('queue: BullMQ · workers unknown Redis does not answer: the remote workers are unknown.');
  });
});
