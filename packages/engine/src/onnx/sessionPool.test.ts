import { describe, expect, it, vi } from 'vitest';
import { SessionPool } from './sessionPool.js';

const fakeSession = (name: string) => ({ name, release: vi.fn(async () => undefined) });

describe('SessionPool', () => {
  it('creates a session once per key while it is kept', async () => {
    const pool = new SessionPool<ReturnType<typeof fakeSession>>(2);
    const create = vi.fn(async () => fakeSession('a'));
    const first = await pool.acquire('a', create);
    const second = await pool.acquire('a', create);
    expect(second.session).toBe(first.session);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('releases the least recently used idle sessions beyond its capacity, never one in use', async () => {
    const pool = new SessionPool<ReturnType<typeof fakeSession>>(1);
    const a = await pool.acquire('a', async () => fakeSession('a'));
    const b = await pool.acquire('b', async () => fakeSession('b'));
    b.done(); // two sessions, capacity 1: 'b' is idle, 'a' in use
    await new Promise((r) => setImmediate(r));
    expect(b.session.release).toHaveBeenCalledTimes(1);
    expect(a.session.release).toHaveBeenCalledTimes(0);
    a.done();
    a.done(); // a second call changes nothing
    await new Promise((r) => setImmediate(r));
    expect(a.session.release).toHaveBeenCalledTimes(0);
    const again = vi.fn(async () => fakeSession('a2'));
    expect((await pool.acquire('a', again)).session).toBe(a.session);
    expect(again).not.toHaveBeenCalled();
  });

  it('forgets a session that failed to start', async () => {
    const pool = new SessionPool<ReturnType<typeof fakeSession>>(2);
    await expect(pool.acquire('a', async () => Promise.reject(new Error('bad graph')))).rejects.toThrow('bad graph');
    expect((await pool.acquire('a', async () => fakeSession('a'))).session.name).toBe('a');
  });
});
