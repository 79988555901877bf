import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/testServer.js';

const TOKEN = 'a-long-enough-test-token';

describe('bearer token', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ authToken: TOKEN });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('refuses /api requests without the token, with a one-line 401', async () => {
    const res = await s.get('/api/health');
    expect(res.status).toBe(401);
    expect(res.body.message).toBe('missing or wrong bearer token (Authorization: Bearer <MU_AUTH_TOKEN>)');
    expect((await s.request('GET', '/api/results', { headers: { authorization: 'Bearer wrong-token-of-some-length' } })).status).toBe(401);
  });

  it('answers with the token, in the header or (for event streams) in the query', async () => {
    expect((await s.request('GET', '/api/health', { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    const stream = await fetch(`${s.url}/api/jobs/events?token=${TOKEN}`);
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    await stream.body?.cancel();
    expect((await s.get(`/api/health?token=${TOKEN}`)).status).toBe(401);
  });

  it('leaves the API docs page open', async () => {
    expect((await s.get('/docs/json')).status).toBe(200);
  });
});

describe('web app and docs', () => {
  let s: TestServer;
  const root = mkdtempSync(path.join(os.tmpdir(), 'mu-web-'));
  const webDist = path.join(root, 'dist');
  /** A file beside the served folder that no request may read. */
  const SECRET = 'secret-beside-the-web-app';
  const INDEX_HTML = '<!doctype html><title>mu</title>';
  beforeAll(async () => {
    mkdirSync(path.join(webDist, 'assets'), { recursive: true });
    writeFileSync(path.join(root, 'secret.txt'), SECRET);
    writeFileSync(path.join(webDist, 'index.html'), INDEX_HTML);
    writeFileSync(path.join(webDist, 'assets', 'app.js'), 'console.log(1)');
    s = await startTestServer({ webDist });
  });
  afterAll(async () => {
    await s?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves the built app at /, its files, and index.html for client-side routes', async () => {
    const index = await s.get('/');
    expect(index.status).toBe(200);
    expect(index.text).toContain('<title>mu</title>');
    expect((await s.get('/assets/app.js')).text).toBe('console.log(1)');
    expect((await s.get('/contrast?a=1')).text).toContain('<title>mu</title>');
  });

  it('keeps unknown /api routes and traversal attempts out of the file system', async () => {
    expect((await s.get('/api/nothing')).body).toMatchObject({ statusCode: 404, message: "no route for GET at this path (the API's routes are listed at /docs)" });
    for (const url of ['/assets/..%2F..%2Fsecret.txt', '/..%2Fsecret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt', '/assets/..%252F..%252Fsecret.txt']) {
      // Outside /api an unknown path is a client-side route: the app's index.html, never another file.
      const res = await s.get(url);
      expect(res.status, url).toBe(200);
      expect(res.text, url).toBe(INDEX_HTML);
      expect(res.text, url).not.toContain(SECRET);
    }
  });

  it('documents every route in the OpenAPI document', async () => {
    const doc = (await s.get('/docs/json')).body;
    const paths = Object.keys(doc.paths);
    for (const p of ['/api/health', '/api/jobs', '/api/jobs/{id}/events', '/api/results', '/api/results/{id}', '/api/results/export', '/api/imports/results', '/api/datasets/{id}/images/{split}/{index}']) {
      expect(paths).toContain(p);
    }
    expect(paths.filter((p) => p.endsWith('/'))).toEqual([]);
    expect((await s.get('/api/health/')).status).toBe(200);
    expect(doc.paths['/api/jobs'].post.requestBody.content['application/json'].schema.oneOf).toHaveLength(4);
    expect((await s.get('/docs')).status).toBe(200);
  });
});

describe('without a built web app', () => {
  it('serves the API only', async () => {
    const s = await startTestServer({ webDist: path.join(os.tmpdir(), 'mu-no-such-dist') });
    try {
      expect((await s.get('/')).status).toBe(404);
      expect((await s.get('/api/health')).status).toBe(200);
    } finally {
      await s.close();
    }
  });
});
