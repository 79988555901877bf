import { describe, expect, it } from 'vitest';
import ft from './ft.js';
import ga from './ga.js';
import { paramsFromText } from './paramsFromText.js';
import { resolveParams } from './resolveParams.js';
import salun from './salun.js';
import scrub from './scrub.js';

describe('resolveParams', () => {
  it('fills every default', () => {
    expect(resolveParams(ga.descriptor)).toEqual({ epochs: 7, lr: 1e-4, batchSize: 256, gradClip: 100 });
    expect(resolveParams(ft.descriptor, { lr: 0.05 })).toEqual({ epochs: 10, lr: 0.05, batchSize: 128, etaMin: 0 });
    expect(resolveParams(salun.descriptor)).toMatchObject({ maskRatio: 0.5, saliencyBatches: 0, gradClip: 100 });
  });

  it("stores SCRUB's maxSteps resolved: = epochs unless given, never above epochs", () => {
    expect(resolveParams(scrub.descriptor)).toMatchObject({ epochs: 5, maxSteps: 5, referenceFisherVariant: false, gradClip: 0 });
    expect(resolveParams(scrub.descriptor, { epochs: 12 }).maxSteps).toBe(12);
    expect(resolveParams(scrub.descriptor, { epochs: 12, maxSteps: 0 }).maxSteps).toBe(0);
    expect(() => resolveParams(scrub.descriptor, { epochs: 3, maxSteps: 4 })).toThrow(
      'invalid maxSteps: 4 (expected an integer 0..3, at most epochs)',
    );
  });

  it('takes JSON values only: a string standing for a number or a boolean is refused, naming the parameter', () => {
    expect(resolveParams(scrub.descriptor, { epochs: 8, lr: 1e-3, referenceFisherVariant: true })).toMatchObject({ epochs: 8, lr: 0.001, referenceFisherVariant: true });
    expect(() => resolveParams(scrub.descriptor, { lr: '0.001' })).toThrow('invalid lr: "0.001" (expected a JSON number, not a string)');
    expect(() => resolveParams(scrub.descriptor, { epochs: '0x1' })).toThrow('invalid epochs: "0x1" (expected a JSON number, not a string)');
    expect(() => resolveParams(scrub.descriptor, { epochs: ' 1 ' })).toThrow('invalid epochs: " 1 " (expected a JSON number, not a string)');
    expect(() => resolveParams(scrub.descriptor, { referenceFisherVariant: 'true' })).toThrow(
      'invalid referenceFisherVariant: "true" (expected true or false, not a string)',
    );
  });

  it('types command-line text first (paramsFromText): plain decimals and true/false only', () => {
    expect(paramsFromText(scrub.descriptor, { epochs: '8', lr: '1e-3', referenceFisherVariant: 'true' })).toEqual({ epochs: 8, lr: 0.001, referenceFisherVariant: true });
    expect(paramsFromText(scrub.descriptor, { foo: '2', lr: '.5' })).toEqual({ foo: '2', lr: 0.5 });
    expect(() => paramsFromText(scrub.descriptor, { epochs: '0x1' })).toThrow('invalid epochs: 0x1 (expected a number)');
    expect(() => paramsFromText(scrub.descriptor, { lr: ' 1 ' })).toThrow('invalid lr:  1  (expected a number)');
    expect(() => paramsFromText(scrub.descriptor, { referenceFisherVariant: 'yes' })).toThrow('invalid referenceFisherVariant: yes (expected true or false)');
  });

  it.each([
    [{ lr: 2 }, 'invalid lr: 2 (expected a number in (0, 1))'],
    [{ lr: 0 }, 'invalid lr: 0 (expected a number in (0, 1))'],
    [{ lr: 'fast' }, 'invalid lr: "fast" (expected a JSON number, not a string)'],
    [{ epochs: 2.5 }, 'invalid epochs: 2.5 (expected an integer 1..500)'],
    [{ epochs: 501 }, 'invalid epochs: 501 (expected an integer 1..500)'],
    [{ batchSize: 1 }, 'invalid batchSize: 1 (expected an integer 2..1024)'],
    [{ gradClip: -1 }, 'invalid gradClip: -1 (expected a number in [0, 1000])'],
    [{ gradClip: null }, 'invalid gradClip: null (expected a number in [0, 1000])'],
    [{ foo: 1 }, 'unknown parameter for ga: foo (expected epochs, lr, batchSize, gradClip)'],
    [{ seed: 1 }, 'unknown parameter for ga: seed (expected epochs, lr, batchSize, gradClip)'],
  ])('rejects %j with one line naming the field', (input, message) => {
    expect(() => resolveParams(ga.descriptor, input)).toThrow(message);
  });

  it('checks half-open ranges and booleans', () => {
    expect(() => resolveParams(ft.descriptor, { etaMin: 1 })).toThrow('invalid etaMin: 1 (expected a number in [0, 1))');
    expect(() => resolveParams(scrub.descriptor, { referenceFisherVariant: 1 })).toThrow(
      'invalid referenceFisherVariant: 1 (expected true or false)',
    );
  });
});
