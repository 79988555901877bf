export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
  /** Milliseconds from request to full response. */
  ms: number;
}

export interface ServerEvent {
  event: string;
  data: any;
}

/** A small HTTP client for the tests: JSON in, parsed JSON (or text) out, and an SSE reader. */
export class ApiClient {
  constructor(readonly url: string) {}

  async request(method: string, path: string, init: { json?: unknown; body?: BodyInit; headers?: Record<string, string> } = {}): Promise<ApiResponse> {
    const headers: Record<string, string> = { ...init.headers };
    let body = init.body;
    if (init.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.json);
    }
    const start = performance.now();
    const res = await fetch(this.url + path, { method, headers, body });
    const text = await res.text();
    const ms = performance.now() - start;
    let parsed: unknown = text;
    if ((res.headers.get('content-type') ?? '').includes('json') && text.length > 0) parsed = JSON.parse(text);
    return { status: res.status, headers: res.headers, body: parsed, text, ms };
  }

  get(path: string) {
    return this.request('GET', path);
  }

  post(path: string, json?: unknown) {
    return this.request('POST', path, json === undefined ? {} : { json });
  }

  delete(path: string) {
    return this.request('DELETE', path);
  }

  /** Uploads files as multipart/form-data. */
  upload(path: string, files: { field: string; name: string; content: string | Uint8Array<ArrayBuffer> }[]) {
    const form = new FormData();
    for (const f of files) form.append(f.field, new Blob([f.content]), f.name);
    return this.request('POST', path, { body: form });
  }

  /**
   * Reads a Server-Sent-Events stream until the server ends it (or `until` returns true, or the
   * timeout passes, which fails). `onEvent` sees each event as it arrives.
   */
  async events(path: string, options: { timeoutMs?: number; onEvent?: (e: ServerEvent) => void; until?: (e: ServerEvent) => boolean } = {}): Promise<ServerEvent[]> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 240_000);
    const events: ServerEvent[] = [];
    try {
      const res = await fetch(this.url + path, { signal: controller.signal });
      if (res.status !== 200) throw new Error(`event stream ${path} answered ${res.status}: ${await res.text()}`);
      const decoder = new TextDecoder();
      let buffer = '';
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(frame)?.[1];
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (event === undefined || data === undefined) continue;
          const e = { event, data: JSON.parse(data) };
          events.push(e);
          options.onEvent?.(e);
          if (options.until?.(e)) {
            controller.abort();
            return events;
          }
        }
      }
      return events;
    } catch (error) {
      if (controller.signal.aborted && options.until && events.length > 0 && options.until(events[events.length - 1])) return events;
      if (controller.signal.aborted) throw new Error(`event stream ${path} did not end in time (${events.length} events)`);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Waits until a job is finished and returns it (via its event stream). */
  async finished(jobId: string, timeoutMs?: number): Promise<any> {
    const events = await this.events(`/api/jobs/${jobId}/events`, { timeoutMs });
    const end = events.find((e) => e.event === 'end');
    if (!end) throw new Error(`job ${jobId}: stream ended without an end event`);
    return end.data;
  }
}
