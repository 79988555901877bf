import type { FastifyReply, FastifyRequest } from 'fastify';

const HEARTBEAT_MS = 15_000;

/**
 * A Server-Sent-Events response: takes the socket over from Fastify, writes `event:`/`data:`
 * frames, sends a comment every 15 s so that proxies keep it open, and calls `onClose` once when
 * either side ends it. A HEAD request gets the headers and the end at once (there is no body to
 * stream, and an open one would hold the connection).
 *
 *   const stream = openEventStream(request, reply);
 *   stream.send('progress', { epoch: 1 });
 */
export class EventStream {
  private closed = false;
  private readonly heartbeat: NodeJS.Timeout | null = null;
  private readonly closeHandlers: (() => void)[] = [];

  constructor(private readonly request: FastifyRequest, private readonly reply: FastifyReply) {
    reply.hijack();
    reply.raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
    });
    if (request.method === 'HEAD') {
      this.closed = true;
      reply.raw.end();
      return;
    }
    reply.raw.write('retry: 2000\n\n');
    this.heartbeat = setInterval(() => this.write(': keep-alive\n\n'), HEARTBEAT_MS);
    this.heartbeat.unref();
    request.raw.on('close', () => this.close());
  }

  send(event: string, data: unknown, id?: number): void {
    this.write(`event: ${event}\n${id === undefined ? '' : `id: ${id}\n`}data: ${JSON.stringify(data)}\n\n`);
  }

  onClose(handler: () => void): void {
    if (this.closed) handler();
    else this.closeHandlers.push(handler);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const handler of this.closeHandlers) handler();
    if (!this.reply.raw.writableEnded) this.reply.raw.end();
  }

  private write(text: string): void {
    if (!this.closed && !this.reply.raw.writableEnded) this.reply.raw.write(text);
  }
}
