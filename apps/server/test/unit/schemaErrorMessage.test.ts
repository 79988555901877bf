import { Ajv } from 'ajv';
import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { schemaErrorMessage } from '../../src/http/schemaErrorMessage.js';
import { JobSpec } from '../../src/schemas/job.js';

const ajv = new Ajv({ verbose: true, strict: false, discriminator: true, allowUnionTypes: true });
const message = (schema: object, value: unknown, part = 'body') => {
  const check = ajv.compile(schema);
  expect(check(value)).toBe(false);
  return schemaErrorMessage(check.errors!, part);
};

describe('schemaErrorMessage', () => {
  const Body = Type.Object({ n: Type.Integer({ minimum: 1 }), mode: Type.Optional(Type.Union([Type.Literal('a'), Type.Literal('b')])) }, { additionalProperties: false });

  it('names the field, the rule and the value', () => {
    expect(message(Body, { n: 0 })).toBe('body.n must be >= 1 (got 0)');
    expect(message(Body, { n: '1' })).toBe('body.n must be integer (got "1")');
  });

  it('names missing and unknown fields', () => {
    expect(message(Body, {})).toBe('body is missing n');
    expect(message(Body, { n: 1, colour: 'red' })).toBe('body has unknown field colour');
  });

  it('lists the choices of a union of literals, and the types of a union of types', () => {
    expect(message(Body, { n: 1, mode: 'c' }, 'querystring')).toBe('querystring.mode must be one of "a", "b" (got "c")');
    expect(message(Type.Object({ v: Type.Union([Type.Number(), Type.String()]) }), { v: [] })).toBe('body.v must be number or string (got [])');
  });

  it('names the tag of the job union and its values', () => {
    expect(message(JobSpec, { kind: 'bake' })).toBe('body.kind must be one of original, retrained, unlearn, sweep (got "bake")');
  });

  it('shortens long values', () => {
    expect(message(Body, { n: 'x'.repeat(100) })).toMatch(/^body\.n must be integer \(got "x+\.\.\.\)$/);
  });

  it('describes values it does not quote: paths, markup, arrays and objects, however deep', () => {
    expect(message(Body, { n: '../../etc/passwd' })).toBe('body.n must be integer (got a string of 16 characters)');
    expect(message(Body, { n: '<script>' })).toBe('body.n must be integer (got a string of 8 characters)');
    expect(message(Body, { n: [1, 2] })).toBe('body.n must be integer (got an array of 2)');
    let deep: unknown = 1;
    for (let i = 0; i < 20_000; i++) deep = [deep];
    expect(message(Body, { n: deep })).toBe('body.n must be integer (got an array of 1)');
    expect(message(Body, { n: { a: deep } })).toBe('body.n must be integer (got an object)');
  });
});
