/** A session as the pool needs it (onnxruntime-node's InferenceSession has `release`). */
interface Releasable {
  release(): Promise<void>;
}

interface Entry<S> {
  session: Promise<S>;
  users: number;
  lastUsed: number;
}

/**
 * Keeps the most recently used inference sessions by key (an evaluation runs each model's
 * graph in several passes) and releases the least recently used idle ones beyond `capacity`;
 * a session in use is never released.
 *
 *   const pool = new SessionPool<InferenceSession>(6);
 *   const { session, done } = await pool.acquire(key, () => ort.InferenceSession.create(file));
 *   try { await session.run(feeds); } finally { done(); }
 */
export class SessionPool<S extends Releasable> {
  private readonly entries = new Map<string, Entry<S>>();
  private clock = 0;

  constructor(private readonly capacity: number) {}

  async acquire(key: string, create: () => Promise<S>): Promise<{ session: S; done: () => void }> {
    let entry = this.entries.get(key);
    if (entry === undefined) {
      entry = { session: create(), users: 0, lastUsed: 0 };
      this.entries.set(key, entry);
    }
    entry.users++;
    entry.lastUsed = ++this.clock;
    const current = entry;
    try {
      const session = await current.session;
      let released = false;
      const done = () => {
        if (released) return;
        released = true;
        current.users--;
        this.evict();
      };
      return { session, done };
    } catch (error) {
      current.users--;
      if (this.entries.get(key) === current) this.entries.delete(key);
      throw error;
    }
  }

  private evict(): void {
    const idle = [...this.entries].filter(([, e]) => e.users === 0).sort((a, b) => a[1].lastUsed - b[1].lastUsed);
    for (const [key, entry] of idle.slice(0, Math.max(0, this.entries.size - this.capacity))) {
      this.entries.delete(key);
      void entry.session.then((s) => s.release()).catch(() => undefined);
    }
  }
}
