import type { BackendReport } from '@mu/schema';

/**
 * The header's backend badge: the chosen backend with its GPU (or its threads), and as tooltip
 * every candidate's outcome with the reason it was skipped.
 *
 *   backendBadge(report) // {text: 'backend: webgpu · nvidia H200', title: 'tensorflow-gpu: skipped (…)\n…'}
 */
export function backendBadge(backend: BackendReport): { text: string; title: string } {
  const gpu = backend.adapter ? [backend.adapter.vendor, backend.adapter.name].filter(Boolean).join(' ') || 'unnamed GPU' : null;
  const text = `backend: ${backend.name} · ${gpu ?? `${backend.threads ?? '–'} threads`}`;
  const lines = backend.candidates.map((c) => `${c.name}: ${c.outcome}${c.reason ? ` (${c.reason})` : ''}`);
  const driver = backend.adapter?.driver ? [`driver: ${backend.adapter.driver}`] : [];
  return { text, title: ['Compute backend of the server', ...driver, ...lines].join('\n') };
}
