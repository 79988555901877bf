import { Type } from '@sinclair/typebox';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { watchResponseSchemas } from '../helpers/responseSchemas.js';

describe('watchResponseSchemas (test helper)', () => {
  it('reports a body that does not match its schema, and an API answer without one', async () => {
    const app = Fastify();
    const violations = watchResponseSchemas(app);
    const schema = { response: { 200: Type.Object({ epochs: Type.Integer() }, { additionalProperties: false }) } };
    app.get('/api/good', { schema }, async () => ({ epochs: 3 }));
    // Fastify would serialise this as {"epochs":0}: an invented value the helper must catch.
    app.get('/api/bad', { schema }, async () => ({ epochs: null }));
    app.get('/api/bare', async () => ({ anything: true }));
    for (const url of ['/api/good', '/api/bad', '/api/bare']) await app.inject({ url });
    await app.close();
    expect(violations).toEqual(['GET /api/bad → 200: data/epochs must be integer', 'GET /api/bare → 200: no response schema']);
  });
});
