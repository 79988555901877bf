import { describe, expect, it } from 'vitest';
import type { Architecture, Dataset } from '../api/types.js';
import { firstRunContext } from './firstRunContext.js';

const ds = (id: string, available = true) => ({ id, label: id, available, problem: null }) as unknown as Dataset;
const arch = (id: string) => ({ id, label: id }) as unknown as Architecture;
const datasets = [ds('cifar10'), ds('cifar10-mini'), ds('fashion-mnist')];
const architectures = [arch('resnet18'), arch('resnet18-w16'), arch('small-cnn'), arch('small-cnn-flat')];

describe('firstRunContext', () => {
  it('opens the quick recipe’s dataset and architecture on a CPU backend (or an unknown one)', () => {
    expect(firstRunContext(datasets, architectures, 'wasm')).toEqual({ dataset: 'cifar10-mini', architecture: 'small-cnn-flat' });
    expect(firstRunContext([ds('cifar10', false), ds('cifar10-mini')], architectures, null)).toEqual({ dataset: 'cifar10-mini', architecture: 'small-cnn-flat' });
  });
  it('opens the reference recipe on a GPU', () => {
    expect(firstRunContext(datasets, architectures, 'tensorflow-gpu')).toEqual({ dataset: 'cifar10', architecture: 'resnet18' });
  });
  it('falls back to the first dataset and architecture, and null without a catalogue', () => {
    expect(firstRunContext([ds('cifar10', false)], [arch('small-cnn')], 'wasm')).toEqual({ dataset: 'cifar10', architecture: 'small-cnn' });
    expect(firstRunContext([], architectures, 'wasm')).toBeNull();
  });
});
