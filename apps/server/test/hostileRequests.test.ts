import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallCnnCheckpoint } from './helpers/checkpointUpload.js';
import { fixture, fixtureUploads } from './helpers/fixtures.js';
import { rawRequest, type RawResponse } from './helpers/rawHttp.js';
import { hasRedis, startRedis, type RedisServer } from './helpers/redisServer.js';
import { startTestServer, type TestServer } from './helpers/testServer.js';

// Hostile requests, sent byte for byte over a socket, against a server with MU_AUTH_TOKEN set:
// every answer is < 500, every error is the app's one-line format without a path, a stack or the
// input, nothing protected is reached without the token, and nothing stored changes.
const TOKEN = 'hostile-corpus-token-0123456789';
const LIMIT = 1024 * 1024;
/** Put into hostile input; an answer that contains it echoes the input. */
const MARK = '<zq9/mark>';
/** The web app's page: public, and the answer to unknown GETs outside /api (client-side routes). */
const INDEX_HTML = '<!doctype html><title>mu</title>';
const webDist = mkdtempSync(path.join(os.tmpdir(), 'mu-hostile-web-'));

interface Sent {
  name: string;
  response: RawResponse;
  /** The request target as sent, which an answer must not quote back. */
  target: string;
}

let s: TestServer;
let port: number;
let resultId: string;
let checkpointId: string;
const sent: Sent[] = [];

function http(method: string, target: string, options: { headers?: Record<string, string>; body?: string | Buffer; host?: string | null; version?: string } = {}): Buffer {
  const host = options.host === undefined ? `127.0.0.1:${port}` : options.host;
  const body = options.body === undefined ? Buffer.alloc(0) : Buffer.from(options.body);
  const headers: Record<string, string> = { ...(host === null ? {} : { host }), connection: 'close', ...options.headers };
  if (body.length > 0 || ['POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) headers['content-length'] = String(body.length);
  const head = `${method} ${target} HTTP/${options.version ?? '1.1'}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), body]);
}

async function send(name: string, method: string, target: string, options: Parameters<typeof http>[2] = {}): Promise<RawResponse> {
  const response = await rawRequest(port, http(method, target, options));
  sent.push({ name, response, target });
  return response;
}

const auth = { authorization: `Bearer ${TOKEN}` };

/** Uploads a well-formed small-cnn Retrained checkpoint of class 3; its id. */
async function uploadRetrainedCheckpoint(url: string): Promise<string> {
  const { meta, weights } = smallCnnCheckpoint('retrained', 3);
  const checkpoint = new FormData();
  checkpoint.append('meta', new Blob([JSON.stringify(meta)]), 'm.json');
  checkpoint.append('weights', new Blob([weights]), 'w.bin');
  const uploaded = await fetch(`${url}/api/imports/checkpoints`, { method: 'POST', body: checkpoint, headers: auth });
  expect(uploaded.status).toBe(201);
  return ((await uploaded.json()) as { id: string }).id;
}
const json = (body: unknown) => ({ headers: { ...auth, 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

function multipart(parts: { field: string; name: string; content: string }[], boundary = 'zq9boundary'): string {
  return parts.map((p) => `--${boundary}\r\ncontent-disposition: form-data; name="${p.field}"; filename="${p.name}"\r\ncontent-type: application/octet-stream\r\n\r\n${p.content}\r\n`).join('') + `--${boundary}--\r\n`;
}

/** Every route family, as [method, path, body]: each path names a stored record, checkpoint or dataset, so a handler reached answers 2xx. */
function protectedRoutes(): [string, string, string?][] {
  const upload = multipart([{ field: 'files', name: '0000.json', content: fixture('0000.json') }]);
  return [
    ['GET', '/api/health'],
    ['GET', '/api/datasets'],
    ['GET', '/api/datasets/cifar10-mini'],
    ['GET', '/api/datasets/cifar10-mini/images/train/0'],
    ['GET', '/api/datasets/cifar10-mini/thumbnails?indices=0,1'],
    ['GET', '/api/datasets/cifar10-mini/samples/seeded-2048-200'],
    ['GET', '/api/architectures'],
    ['GET', '/api/methods'],
    ['GET', '/api/methods/ga'],
    ['GET', '/api/baselines?dataset=cifar10&architecture=resnet18'],
    ['GET', '/api/estimates?dataset=cifar10&architecture=resnet18'],
    ['GET', '/api/checkpoints'],
    ['GET', `/api/checkpoints/${checkpointId}`],
    ['GET', `/api/checkpoints/${checkpointId}/weights`],
    ['POST', `/api/checkpoints/${checkpointId}/designate`],
    ['GET', '/api/jobs'],
    ['POST', '/api/jobs', JSON.stringify({ kind: 'original', dataset: 'cifar10-mini', architecture: 'small-cnn', epochs: 1 })],
    ['GET', '/api/jobs/events'],
    ['GET', '/api/results'],
    ['GET', `/api/results/${resultId}`],
    ['DELETE', `/api/results/${resultId}`],
    ['GET', '/api/results/export?format=csv'],
    ['POST', '/api/imports/results', upload],
  ];
}

/** The same path spelt the ways a URL-string check gets wrong. */
function spellings(p: string): [string, string][] {
  const [pathname, query] = p.split('?');
  const q = query === undefined ? '' : `?${query}`;
  const rest = pathname.slice('/api'.length);
  return [
    ['percent-encoded letter', `/%61pi${rest}${q}`],
    ['all-encoded prefix', `/%61%70%69${rest}${q}`],
    ['double-encoded', `/%2561pi${rest}${q}`],
    ['absolute-form', `http://127.0.0.1:${port}${p}`],
    ['absolute-form, encoded', `http://127.0.0.1:${port}/%61pi${rest}${q}`],
    ['mixed case', `/API${rest}${q}`],
    ['trailing slash', `${pathname}/${q}`],
    ['trailing dot', `${pathname}.${q}`],
    ['dot segments', `/x/%2e%2e${pathname}${q}`],
    ['encoded slash', `/api%2f${rest.slice(1)}${q}`],
    ['double slash', `/${pathname}${q}`],
    ['token in the query', `${pathname}?${query ? `${query}&` : ''}token=${TOKEN}`],
    ['token next to /events', `${pathname}?${query ? `${query}&` : ''}x=/events&token=${TOKEN}`],
  ];
}

/** What an unauthenticated request may get: 401, or an answer from before any route (router 404, bad URL, Host), or the public web page. */
function notReached(r: RawResponse): boolean {
  if (r.status === 401 || r.status === 421 || (r.status === 200 && r.text === INDEX_HTML)) return true;
  const message = (JSON.parse(r.text) as { message: string }).message;
  return (r.status === 404 && message.startsWith('no route')) || (r.status === 400 && message.startsWith('malformed'));
}

async function snapshot() {
  const get = async (p: string) => (await s.request('GET', p, { headers: auth })).text;
  const list = JSON.parse(await get('/api/results')) as { id: string }[];
  return {
    results: await get('/api/results?view=summary'),
    records: await Promise.all(list.map((r) => get(`/api/results/${r.id}`))),
    checkpoints: await get('/api/checkpoints'),
    jobs: await get('/api/jobs'),
    files: readdirSync(path.join(s.dataDir, 'checkpoints')).sort(),
  };
}

describe('hostile requests (MU_AUTH_TOKEN set)', () => {
  let before: Awaited<ReturnType<typeof snapshot>>;

  beforeAll(async () => {
    writeFileSync(path.join(webDist, 'index.html'), INDEX_HTML);
    s = await startTestServer({ authToken: TOKEN, uploadLimit: LIMIT, bodyLimit: LIMIT, webDist });
    port = (s.server.server.address() as { port: number }).port;
    const form = new FormData();
    for (const f of fixtureUploads()) form.append(f.field, new Blob([f.content]), f.name);
    const imported = await fetch(`${s.url}/api/imports/results`, { method: 'POST', body: form, headers: auth });
    expect(imported.status).toBe(201);
    resultId = ((await imported.json()) as { imported: { id: string }[] }).imported[0].id;
    checkpointId = await uploadRetrainedCheckpoint(s.url);
    before = await snapshot();
  });

  afterAll(async () => {
    await s?.close();
    rmSync(webDist, { recursive: true, force: true });
  });

  it('without the token, no spelling of any protected route reaches it', async () => {
    const reached: string[] = [];
    for (const [method, p, body] of protectedRoutes()) {
      const headers: Record<string, string> = body === undefined ? {} : { 'content-type': p.includes('imports') ? 'multipart/form-data; boundary=zq9boundary' : 'application/json' };
      // The event streams take the token in the query: those spellings are authenticated.
      const variants = spellings(p).filter(([how]) => !(p.endsWith('/events') && how.startsWith('token')));
      for (const [how, target] of [['as is', p] as [string, string], ...variants]) {
        const r = await send(`${method} ${p} (${how})`, method, target, { headers, body });
        if (!notReached(r)) reached.push(`${method} ${target} → ${r.status}`);
      }
      const head = method === 'GET' ? await send(`HEAD ${p}`, 'HEAD', `/%61pi${p.slice(4)}`) : null;
      if (head && head.status !== 401) reached.push(`HEAD ${p} → ${head.status}`);
    }
    expect(reached).toEqual([]);
  });

  it('with the token, the encoded spellings are authenticated or refused, never a 5xx', async () => {
    for (const [method, p] of protectedRoutes().filter(([m, q]) => m === 'GET' && !q.endsWith('/events'))) {
      for (const [how, target] of spellings(p).slice(0, 11)) {
        const r = await send(`${method} ${p} with the token (${how})`, method, target, { headers: auth });
        expect(r.status, `${how}: ${target}`).toBeLessThan(500);
      }
    }
    // Positive controls: the token opens the API, and the event streams take it in the query.
    expect((await send('token in the header', 'GET', '/api/results', { headers: auth })).status).toBe(200);
    const stream = await rawRequest(port, http('GET', `/api/jobs/events?token=${TOKEN}`), { headOnly: true });
    expect(stream.status).toBe(200);
    expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8');
  });

  it("refuses a Host that is not the server's (DNS rebinding), whatever the route", async () => {
    const hosts: [string, string | null, string?][] = [
      ['foreign name', 'evil.example'],
      ['foreign name with our port', `evil.example:${port}`],
      ['loopback on another port', '127.0.0.1:1'],
      ['look-alike', `127.0.0.1.evil.example:${port}`],
      ['garbage', `${MARK}`],
      ['missing (HTTP/1.0)', null, '1.0'],
    ];
    for (const [how, host, version] of hosts) {
      for (const p of ['/api/health', '/api/results', '/docs/json', '/']) {
        const r = await send(`Host ${how} ${p}`, 'GET', p, { host, version, headers: auth });
        expect(r.status, `${how} ${p}`).toBe(421);
      }
    }
    const absolute = await send('absolute-form for another host', 'GET', 'http://evil.example/api/health', { headers: auth });
    expect(absolute.status).toBe(421);
    const ownAbsolute = await send('absolute-form for this host', 'GET', `http://127.0.0.1:${port}/api/health`, { host: 'evil.example', headers: auth });
    expect(ownAbsolute.status).toBe(200);
  });

  it('refuses state-changing requests from a foreign Origin, even with the token', async () => {
    const upload = multipart([{ field: 'files', name: '0000.json', content: fixture('0000.json') }]);
    const { meta, weights } = smallCnnCheckpoint('original', null);
    const checkpoint = multipart([{ field: 'meta', name: 'm.json', content: JSON.stringify(meta) }, { field: 'weights', name: 'w.bin', content: Buffer.from(weights).toString('latin1') }]);
    const requests: [string, string, string?, string?][] = [
      ['POST', '/api/jobs', JSON.stringify({ kind: 'original', dataset: 'cifar10-mini', architecture: 'small-cnn', epochs: 1 }), 'application/json'],
      ['POST', `/api/checkpoints/${checkpointId}/designate`],
      ['POST', '/api/jobs/abcdef12/cancel'],
      ['DELETE', `/api/results/${resultId}`],
      ['POST', '/api/imports/results', upload, 'multipart/form-data; boundary=zq9boundary'],
      ['POST', '/api/imports/checkpoints', checkpoint, 'multipart/form-data; boundary=zq9boundary'],
      ['PUT', '/api/results'],
      ['PATCH', `/api/results/${resultId}`],
    ];
    const origins = ['http://evil.example', `http://evil.example:${port}`, 'null', `http://127.0.0.1:${port}.evil.example`, `https://127.0.0.1:1`, MARK];
    for (const [method, p, body, type] of requests) {
      for (const origin of origins) {
        const r = await send(`${method} ${p} from ${origin}`, method, p, { body, headers: { ...auth, origin, ...(type ? { 'content-type': type } : {}) } });
        expect(r.status, `${method} ${p} from ${origin}`).toBe(403);
      }
    }
    // Reading is not state-changing, and the server's own origin may change state.
    expect((await send('GET from a foreign origin', 'GET', '/api/results', { headers: { ...auth, origin: 'http://evil.example' } })).status).toBe(200);
    expect((await send('cancel from our origin', 'POST', '/api/jobs/abcdef12/cancel', { headers: { ...auth, origin: `http://127.0.0.1:${port}` } })).status).toBe(404);
  });

  it('answers malformed bodies, uploads and query numbers with a 4xx', async () => {
    const nest = (depth: number, inner = '1') => '['.repeat(depth) + inner + ']'.repeat(depth);
    const deepObject = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
    const bodies: [string, string][] = [
      ['array nested 5,000 levels', nest(5000)],
      ['array nested 50,000 levels', nest(50_000)],
      ['object nested 10,000 levels', deepObject(10_000)],
      ['nested label', `{"kind":"original","dataset":"cifar10-mini","architecture":"small-cnn","label":${nest(8000)}}`],
      ['nested hyperparameter', `{"kind":"unlearn","dataset":"cifar10-mini","architecture":"small-cnn","method":"ga","forgetClass":3,"params":{"lr":${nest(8000)}}}`],
      ['nested sweep grid', `{"kind":"sweep","dataset":"cifar10-mini","architecture":"small-cnn","method":"ga","forgetClass":3,"grid":{"lr":${nest(8000)}}}`],
      ['nested unknown field', `{"kind":"original","dataset":"cifar10-mini","architecture":"small-cnn","x":${deepObject(8000)}}`],
      ['prototype pollution', `{"kind":"original","dataset":"cifar10-mini","architecture":"small-cnn","__proto__":{"admin":true}}`],
      ['constructor pollution', `{"kind":"original","constructor":{"prototype":{"admin":true}}}`],
      ['invalid JSON quoting the input', `{"kind": ${MARK}}`],
      ['number out of range', '{"kind":"original","dataset":"cifar10-mini","architecture":"small-cnn","epochs":1e400}'],
      ['string with control characters', `{"kind":"original","dataset":"cifar10-mini\\u0000\\n${MARK}","architecture":"small-cnn"}`],
      ['method id with markup', `{"kind":"unlearn","dataset":"cifar10-mini","architecture":"small-cnn","method":"${MARK}","forgetClass":3}`],
      ['method id with a path', `{"kind":"unlearn","dataset":"cifar10-mini","architecture":"small-cnn","method":"../../zq9/etc/passwd","forgetClass":3}`],
      ['empty body', ''],
    ];
    for (const [how, body] of bodies) {
      const r = await send(`POST /api/jobs: ${how}`, 'POST', '/api/jobs', json(body));
      expect(r.status, how).toBeGreaterThanOrEqual(400);
      expect(r.status, how).toBeLessThan(500);
    }
    const mp = 'multipart/form-data; boundary=zq9boundary';
    const uploads: [string, string, string][] = [
      ['no boundary', 'multipart/form-data', multipart([{ field: 'files', name: 'a.json', content: '{}' }])],
      ['garbage body', mp, `garbage ${MARK} garbage`],
      ['cut-off file', mp, `--zq9boundary\r\ncontent-disposition: form-data; name="files"; filename="a.json"\r\n\r\n{"ID": "00`],
      ['cut-off headers', mp, '--zq9boundary\r\ncontent-disposition: form-da'],
      ['wrong boundary', 'multipart/form-data; boundary=other', multipart([{ field: 'files', name: 'a.json', content: '{}' }])],
      ['empty body', mp, ''],
      ['only the closing boundary', mp, '--zq9boundary--\r\n'],
      ['file name with a path', mp, multipart([{ field: 'files', name: `../../${MARK}`, content: '{}' }])],
      ['file that is not JSON', mp, multipart([{ field: 'files', name: 'a.json', content: `${MARK} {"ID": "0000"}` }])],
      ['file over the limit', mp, multipart([{ field: 'files', name: 'big.json', content: ' '.repeat(LIMIT + 10) }])],
    ];
    for (const [how, type, body] of uploads) {
      for (const p of ['/api/imports/results', '/api/imports/checkpoints']) {
        const r = await send(`POST ${p}: ${how}`, 'POST', p, { headers: { ...auth, 'content-type': type }, body });
        expect(r.status, `${p}: ${how}`).toBeGreaterThanOrEqual(400);
        expect(r.status, `${p}: ${how}`).toBeLessThan(500);
      }
    }
    const queries = [
      '/api/results?offset=1e20', '/api/results?offset=-1', '/api/results?offset=1.5', '/api/results?offset=NaN', '/api/results?offset=Infinity',
      '/api/results?limit=1e20', '/api/results?forgetClass=1e20', '/api/results?forgetClass=-0.5', '/api/jobs?limit=1e400', '/api/jobs?limit=',
      '/api/datasets/cifar10-mini/images/train/1e20', '/api/datasets/cifar10-mini/images/train/-1', '/api/datasets/cifar10-mini/images/train/99999999',
      '/api/datasets/cifar10-mini/thumbnails?indices=99999999', `/api/datasets/cifar10-mini/thumbnails?indices=${Array(1100).fill(0).join(',')}`,
      '/api/datasets/cifar10-mini/samples/seeded-99999999999-1', '/api/datasets/cifar10-mini/samples/seeded-1-0',
      '/api/results/export?format=csv&forgetClass=1e20',
    ];
    for (const q of queries) {
      const r = await send(`GET ${q}`, 'GET', q, { headers: auth });
      expect(r.status, q).toBeGreaterThanOrEqual(400);
      expect(r.status, q).toBeLessThan(500);
    }
  });

  it('bounds every number of every query and path in its schema (no 1e20 reaches the database)', async () => {
    const doc = JSON.parse((await send('OpenAPI document', 'GET', '/docs/json')).text) as {
      paths: Record<string, Record<string, { parameters?: { in: string; name: string; schema: { type?: string; minimum?: number; maximum?: number } }[] }>>;
    };
    const unbounded: string[] = [];
    let numbers = 0;
    for (const [route, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        for (const p of operation.parameters ?? []) {
          if (p.schema.type !== 'integer' && p.schema.type !== 'number') continue;
          numbers++;
          const { minimum, maximum } = p.schema;
          if (!(Number.isSafeInteger(minimum) && Number.isSafeInteger(maximum))) unbounded.push(`${method.toUpperCase()} ${route} ${p.in}.${p.name}`);
        }
      }
    }
    expect(numbers).toBeGreaterThanOrEqual(6);
    expect(unbounded).toEqual([]);
  });

  it('answers router-level errors in the app format, without the URL', async () => {
    const cases: [string, string, number][] = [
      ['bad percent-encoding', `/api/results/%zz${encodeURIComponent(MARK)}`, 400],
      ['bad UTF-8', '/api/results/%E0%A4%A', 400],
      ['overlong path parameter', `/api/results/${'a'.repeat(300)}`, 414],
      ['unknown route', `/api/zq9${encodeURIComponent(MARK)}`, 404],
      ['unknown route with the token', '/api/models', 404],
    ];
    for (const [how, target, status] of cases) {
      expect((await send(how, 'GET', target, { headers: auth })).status, how).toBe(status);
    }
    const tooLong = await rawRequest(port, http('GET', `/api/results?x=${'a'.repeat(20_000)}${encodeURIComponent(MARK)}`));
    sent.push({ name: 'request line too long', response: tooLong, target: '/api/results?x=aaaa' });
    expect(tooLong.status).toBe(431);
    const garbage = await rawRequest(port, `GARBAGE ${MARK} NOT-HTTP\r\n\r\n`);
    sent.push({ name: 'not HTTP', response: garbage, target: MARK });
    expect(garbage.status).toBe(400);
  });

  it('answers HEAD on the event streams at once, with and without keep-alive', async () => {
    const head = await send('HEAD /api/jobs/events', 'HEAD', `/api/jobs/events?token=${TOKEN}`);
    expect(head.status).toBe(200);
    expect(head.text).toBe('');
    const kept = await rawRequest(port, http('HEAD', '/api/jobs/events', { headers: { ...auth, connection: 'keep-alive' } }), { headOnly: true });
    expect(kept.status).toBe(200);
    expect((await s.request('GET', '/api/jobs?limit=1', { headers: auth })).status).toBe(200);
  });

  it('sent at least 120 requests: none answered 5xx, every error one line without a path, a stack or the input', () => {
    expect(sent.length).toBeGreaterThanOrEqual(120);
    console.log(`${sent.length} hostile requests sent`);
    const bad: string[] = [];
    for (const { name, response: r, target } of sent) {
      if (r.status >= 500) bad.push(`${name}: ${r.status}`);
      if (r.status < 400) continue;
      if (r.headers['x-content-type-options'] !== 'nosniff') bad.push(`${name}: no nosniff`);
      if (r.text === '') continue; // HEAD
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(r.text) as Record<string, unknown>;
      } catch {
        bad.push(`${name}: not JSON: ${r.text.slice(0, 80)}`);
        continue;
      }
      const message = String(body.message);
      if (Object.keys(body).sort().join() !== 'error,message,statusCode' || body.statusCode !== r.status) bad.push(`${name}: not the error format: ${r.text.slice(0, 120)}`);
      if (message.includes('\n') || message.length === 0) bad.push(`${name}: not one line`);
      if (/\bat .+:\d+:\d+/.test(message)) bad.push(`${name}: stack in ${message}`);
      if (/(^|[\s'"(])(\/[^\s/'"]+){2,}/.test(message) || /\.\.[/\\]/.test(message)) bad.push(`${name}: path in ${message}`);
      if (r.text.includes('zq9') || (target.length > 12 && r.text.includes(target))) bad.push(`${name}: input echoed in ${message}`);
    }
    expect(bad).toEqual([]);
  });

  it('stays up, and nothing stored changed', async () => {
    expect((await s.request('GET', '/api/health', { headers: auth })).status).toBe(200);
    expect(await snapshot()).toEqual(before);
  });
});

// The remote workers' routes take MU_WORKER_TOKEN and nothing else; the user routes never take it.
describe.runIf(hasRedis())('hostile requests to the worker routes (MU_AUTH_TOKEN and MU_WORKER_TOKEN set)', () => {
  const WORKER_TOKEN = 'hostile-worker-token-9876543210';
  const worker = { authorization: `Bearer ${WORKER_TOKEN}` };
  let redis: RedisServer;

  function workerRoutes(): [string, string, string?, string?][] {
    const outputs = multipart([{ field: 'records', name: 'records.json', content: '[]' }]);
    return [
      ['POST', '/api/workers/hello', JSON.stringify({ name: 'w', datasets: {} }), 'application/json'],
      ['GET', `/api/workers/checkpoints/${checkpointId}`],
      ['GET', `/api/workers/checkpoints/${checkpointId}/weights`],
      ['POST', '/api/workers/jobs/abcdef12/outputs', outputs, 'multipart/form-data; boundary=zq9boundary'],
    ];
  }

  beforeAll(async () => {
    redis = await startRedis();
    s = await startTestServer({ authToken: TOKEN, workerToken: WORKER_TOKEN, queueUrl: redis.url });
    port = (s.server.server.address() as { port: number }).port;
    checkpointId = await uploadRetrainedCheckpoint(s.url);
  }, 60_000);

  afterAll(async () => {
    await s?.close();
    await redis?.stop();
  }, 60_000);

  it('without the worker token (none, the user token, the worker token in the query), no spelling of a worker route reaches it', async () => {
    const reached: string[] = [];
    for (const [method, p, body, type] of workerRoutes()) {
      const variants: [string, string][] = [['as is', p], ...spellings(p), ['worker token in the query', `${p}?token=${WORKER_TOKEN}`]];
      for (const [credential, headers] of [['no token', {}], ['the user token', auth]] as [string, Record<string, string>][]) {
        for (const [how, target] of variants) {
          const r = await send(`${method} ${p} (${how}, ${credential})`, method, target, { headers: { ...headers, ...(type ? { 'content-type': type } : {}) }, body });
          expect(r.status, `${how}, ${credential}: ${target}`).toBeLessThan(500);
          if (!notReached(r)) reached.push(`${method} ${target} with ${credential} → ${r.status}`);
        }
      }
    }
    expect(reached).toEqual([]);
  });

  it('the worker token opens no user route, however spelt', async () => {
    const reached: string[] = [];
    for (const [method, p, body] of protectedRoutes()) {
      const type: Record<string, string> = body === undefined ? {} : { 'content-type': p.includes('imports') ? 'multipart/form-data; boundary=zq9boundary' : 'application/json' };
      for (const [how, target] of [['as is', p] as [string, string], ...spellings(p).slice(0, 11)]) {
        const r = await send(`${method} ${p} (${how}, worker token)`, method, target, { headers: { ...worker, ...type }, body });
        if (!notReached(r)) reached.push(`${method} ${target} → ${r.status}`);
      }
    }
    const stream = await send('event stream with the worker token in the query', 'GET', `/api/jobs/events?token=${WORKER_TOKEN}`);
    expect(stream.status).toBe(401);
    expect(reached).toEqual([]);
  });

  it('with the worker token, the encoded spellings are authenticated or refused, never a 5xx', async () => {
    for (const [method, p, body, type] of workerRoutes()) {
      for (const [how, target] of spellings(p).slice(0, 11)) {
        const r = await send(`${method} ${p} with the worker token (${how})`, method, target, { headers: { ...worker, ...(type ? { 'content-type': type } : {}) }, body });
        expect(r.status, `${how}: ${target}`).toBeLessThan(500);
      }
    }
    // Positive controls: the worker token opens the worker routes.
    const hello = await send('hello with the worker token', 'POST', '/api/workers/hello', { headers: { ...worker, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'w', datasets: {} }) });
    expect(hello.status).toBe(200);
    expect((await send('checkpoint with the worker token', 'GET', `/api/workers/checkpoints/${checkpointId}`, { headers: worker })).status).toBe(200);
  });
});
