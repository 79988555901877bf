import type { FastifyReply, FastifyRequest } from 'fastify';

const HEARTBEAT_MS = 15_000;

/**
 * A Server-Sent-Events response: takes the socket over from Fastify, writes `event:`/`data:`
 * frames, sends a comment every 15 s so that proxies keep it open, and calls `onClose` once when
 * either side ends it.
 *
 *   const stream = openEventStream(request, reply);
 *   stream.send('progress', { epoch: 1 });
 */
export class EventStream {
  private closed = false;
  private readonly heartbeat: NodeJS.Timeout;
  private readonly closeHandlers: (() => void)[] = [];

  constructor(private readonly request: FastifyRequest, private readonly reply: FastifyReply) {
    reply.hijack();
    reply.raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    reply.raw.write('retry: 2000\n\n');
    this.heartbeat = setInterval(() => this.write(': keep-alive\n\n'), HEARTBEAT_MS);
    this.heartbeat.unref();
    request.raw.on('close', () => this.close());
  }

  send(event: string, data: unknown, id?: number): void {
    this.write(`event: ${event}\n${id === undefined ? '' : `id: ${id}\n`}data: ${JSON.stringify(data)}\n\n`);
  }

  onClose(handler: () => void): void {
    this.closeHandlers.push(handler);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    for (const handler of this.closeHandlers) handler();
    if (!this.reply.raw.writableEnded) this.reply.raw.end();
  }

  private write(text: string): void {
    if (!this.closed && !this.reply.raw.writableEnded) this.reply.raw.write(text);
  }
}
