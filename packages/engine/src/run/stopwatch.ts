/** Measures only the work: `pause()`/`resume()` around untimed steps (RTE, metrics.md §3). */
export class Stopwatch {
  private total = 0;
  private startedAt: number | null = null;

  start(): this {
    this.startedAt ??= performance.now();
    return this;
  }

  pause(): void {
    if (this.startedAt === null) return;
    this.total += performance.now() - this.startedAt;
    this.startedAt = null;
  }

  resume(): void {
    this.start();
  }

  /** Seconds counted so far. */
  get seconds(): number {
    return (this.total + (this.startedAt === null ? 0 : performance.now() - this.startedAt)) / 1000;
  }

  /** Runs `f` with the clock stopped. */
  async untimed<T>(f: () => Promise<T>): Promise<T> {
    const running = this.startedAt !== null;
    this.pause();
    try {
      return await f();
    } finally {
      if (running) this.resume();
    }
  }
}
