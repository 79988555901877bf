import net from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
}

/**
 * Sends bytes exactly as given over a plain TCP socket (fetch would normalise the URL: no
 * percent-encoding tricks, no absolute-form request lines) and reads one response; the socket is
 * closed once the response is complete (by Content-Length, or when the server closes it, or at the
 * end of the headers with `headOnly`, the default for HEAD). Fails
 * when no complete response arrives within `timeoutMs`: a hang is a failure too.
 *
 *   await rawRequest(port, 'GET /%61pi/results HTTP/1.1\r\nHost: 127.0.0.1:8642\r\n\r\n')
 */
export function rawRequest(port: number, bytes: string | Buffer, { timeoutMs = 30_000, headOnly = Buffer.from(bytes).subarray(0, 5).toString('latin1') === 'HEAD ' } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(bytes));
    let data = Buffer.alloc(0);
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const parsed = error?.message.startsWith('no response') ? null : parse(data);
      if (parsed) resolve(parsed);
      else reject(error ?? new Error(`no complete HTTP response (got ${data.length} bytes)`));
    };
    const timer = setTimeout(() => finish(new Error(`no response within ${timeoutMs} ms`)), timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      if (complete(data, headOnly)) finish();
    });
    socket.on('error', () => finish());
    socket.on('close', () => finish());
  });
}

function split(data: Buffer): { head: string; body: Buffer } | null {
  const end = data.indexOf('\r\n\r\n');
  return end < 0 ? null : { head: data.subarray(0, end).toString('latin1'), body: data.subarray(end + 4) };
}

/** Complete by Content-Length; otherwise (chunked, a HEAD answer) when the server closes the socket. */
function complete(data: Buffer, headOnly: boolean): boolean {
  const parts = split(data);
  if (!parts) return false;
  if (headOnly || /^HTTP\/1\.\d (204|304)/.test(parts.head)) return true;
  const length = /\r\ncontent-length: *(\d+)/i.exec(parts.head)?.[1];
  return length !== undefined && parts.body.length >= Number(length);
}

function parse(data: Buffer): RawResponse | null {
  const parts = split(data);
  if (!parts) return null;
  const [statusLine, ...lines] = parts.head.split('\r\n');
  const status = Number(/^HTTP\/1\.\d (\d{3})/.exec(statusLine)?.[1]);
  if (!Number.isInteger(status)) return null;
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return { status, headers, text: parts.body.toString('utf8') };
}
