import { describe, expect, it } from 'vitest';
import type { Job } from '../api/types.js';
import { jobSteps } from './jobSteps.js';

const progress = (stage: string, done: number | null = null, total: number | null = null) =>
  ({ stage, done, total }) as unknown as Job['progress'];

describe('jobSteps', () => {
  it('marks earlier steps done, the current one active and the rest pending', () => {
    const steps = jobSteps({ kind: 'unlearn', status: 'running', progress: progress('evaluating test') });
    expect(steps.map((s) => [s.title, s.state])).toEqual([
      ['Prepare', 'done'], ['Unlearn', 'done'], ['Evaluate', 'active'], ['Analyze', 'pending'],
    ]);
  });

  it('gives a Retrained job a last step for the Original, so its progress never goes back', () => {
    const own = jobSteps({ kind: 'retrained', status: 'running', progress: { ...progress('cka'), step: 'Retrained (class 3)' } as Job['progress'] });
    expect(own.map((s) => s.state)).toEqual(['done', 'done', 'done', 'active', 'pending']);
    const then = jobSteps({ kind: 'retrained', status: 'running', progress: { ...progress('evaluating train'), step: 'Original for class 3' } as Job['progress'] });
    expect(then.map((s) => [s.title, s.state])).toEqual([['Prepare', 'done'], ['Train', 'done'], ['Evaluate', 'done'], ['Analyze', 'done'], ['Original', 'active']]);
    expect(jobSteps({ kind: 'retrained', status: 'succeeded', progress: null }).every((s) => s.state === 'done')).toBe(true);
  });

  it('gives Analyze its sub-stages with the current fraction', () => {
    const analyze = jobSteps({ kind: 'unlearn', status: 'running', progress: progress('attack', 30, 120) })[3];
    expect(analyze.state).toBe('active');
    expect(analyze.parts).toEqual([
      { name: 'UMAP embedding', state: 'done', fraction: 1 },
      { name: 'Attack values', state: 'active', fraction: 0.25 },
      { name: 'CKA', state: 'pending', fraction: null },
    ]);
  });

  it('calls the training step Train for baselines and Unlearn for unlearning runs', () => {
    expect(jobSteps({ kind: 'original', status: 'queued', progress: null })[1].title).toBe('Train');
    expect(jobSteps({ kind: 'unlearn', status: 'queued', progress: null })[1].title).toBe('Unlearn');
  });

  it('shows a queued job at its first step and a finished one complete', () => {
    expect(jobSteps({ kind: 'unlearn', status: 'queued', progress: null }).map((s) => s.state)).toEqual(['active', 'pending', 'pending', 'pending']);
    const done = jobSteps({ kind: 'unlearn', status: 'succeeded', progress: progress('saving') });
    expect(done.every((s) => s.state === 'done')).toBe(true);
    expect(done[3].parts.every((p) => p.state === 'done')).toBe(true);
  });

  it('marks the step a failed job stopped in', () => {
    const steps = jobSteps({ kind: 'unlearn', status: 'failed', progress: progress('unlearning') });
    expect(steps.map((s) => s.state)).toEqual(['done', 'failed', 'pending', 'pending']);
  });
});
