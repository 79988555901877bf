import { afterEach, describe, expect, it } from 'vitest';
import { resetStore, useAppStore } from './store.js';
import { decodeUrlState, encodeUrlState, urlStatePatch } from './urlState.js';

afterEach(resetStore);

describe('selection slice', () => {
  it('never lets A equal B', () => {
    const s = useAppStore.getState();
    s.pickA('aaaaaaaa');
    s.pickB('aaaaaaaa');
    expect(useAppStore.getState().modelB).toBeNull();
    s.pickB('bbbbbbbb');
    s.pickA('bbbbbbbb');
    expect(useAppStore.getState().modelA).toBe('aaaaaaaa');
  });
  it('resets the attack metric and strategy when A or B changes', () => {
    useAppStore.getState().applyWorstCase('A', 'confidence', 3);
    useAppStore.getState().pickB('bbbbbbbb');
    expect(useAppStore.getState().metric).toBe('entropy');
    expect(useAppStore.getState().strategy).toBe('custom');
  });
});

describe('context slice', () => {
  it('activates a neighbour when the active tab closes, and nothing after the last', () => {
    const s = useAppStore.getState();
    s.openClass(1);
    s.openClass(3);
    s.openClass(5);
    s.setForgetClass(3);
    s.closeClass(3);
    expect(useAppStore.getState().forgetClass).toBe(5);
    s.closeClass(5);
    s.closeClass(1);
    expect(useAppStore.getState().forgetClass).toBeNull();
  });
});

describe('attack slice', () => {
  it('remembers the custom threshold per metric', () => {
    const s = useAppStore.getState();
    s.setCustomThreshold(0.5);
    s.setMetric('confidence');
    s.setCustomThreshold(7);
    s.setMetric('entropy');
    expect(useAppStore.getState().customThreshold).toEqual({ entropy: 0.5, confidence: 7 });
  });
});

describe('URL state', () => {
  it('round-trips the shareable view', () => {
    const s = useAppStore.getState();
    useAppStore.setState({ dataset: 'cifar10', architecture: 'resnet18', stage: 'attack', highlight: 'forgotten', splitCka: 'test', aligned: true, parallelOpen: true });
    s.openClass(2);
    s.openClass(4);
    s.pickA('aaaaaaaa');
    s.pickB('bbbbbbbb');
    s.setMetric('confidence');
    s.setCustomThreshold(6.25);
    const q = encodeUrlState(useAppStore.getState());
    resetStore();
    useAppStore.setState(urlStatePatch(decodeUrlState(q), useAppStore.getState()));
    const r = useAppStore.getState();
    expect([r.dataset, r.architecture, r.stage, r.forgetClass, r.modelA, r.modelB, r.metric, r.highlight, r.splitCka, r.aligned, r.parallelOpen]).toEqual([
      'cifar10', 'resnet18', 'attack', 4, 'aaaaaaaa', 'bbbbbbbb', 'confidence', 'forgotten', 'test', true, true,
    ]);
    expect(r.openClasses).toEqual([2, 4]);
    expect(r.customThreshold.confidence).toBe(6.25);
  });
  it('drops malformed values instead of throwing', () => {
    expect(decodeUrlState('stage=nope&fc=-3&metric=x&splits=zz')).toEqual({});
  });
});

describe('URL state: parallel coordinates', () => {
  it('round-trips brushes, axis order and flipped axes through the store', () => {
    const s = useAppStore.getState();
    s.setBrush('lr', [0.0005, 0.005]);
    s.setPcOrder(['UA', 'method', 'lr']);
    s.togglePcFlip('lr');
    const q = encodeUrlState(useAppStore.getState());
    resetStore();
    useAppStore.setState(urlStatePatch(decodeUrlState(q), useAppStore.getState()));
    const r = useAppStore.getState();
    expect([r.brushes, r.pcOrder, r.pcFlipped]).toEqual([{ lr: [0.0005, 0.005] }, ['UA', 'method', 'lr'], ['lr']]);
  });
});
