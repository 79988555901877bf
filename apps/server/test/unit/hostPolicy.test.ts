import { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import { hostPolicy, isOwnAuthority, parseAuthority } from '../../src/http/hostPolicy.js';

describe('parseAuthority', () => {
  it('normalises as a browser does', () => {
    expect(parseAuthority('LocalHost:8642')).toEqual({ name: 'localhost', port: 8642 });
    expect(parseAuthority('[::1]:8642')).toEqual({ name: '[::1]', port: 8642 });
    expect(parseAuthority('127.1:8642')).toEqual({ name: '127.0.0.1', port: 8642 });
    expect(parseAuthority('mu.example.org', 80)).toEqual({ name: 'mu.example.org', port: 80 });
  });

  it('refuses what is not an authority', () => {
    for (const text of ['', 'a b', 'evil.example/x', 'user@host', 'host:99999', '::1', '<x>']) expect(parseAuthority(text), text).toBeNull();
  });
});

describe('isOwnAuthority', () => {
  const at = (text: string) => parseAuthority(text, 80);

  it('a loopback server answers its loopback names on its port only', () => {
    const policy = hostPolicy('127.0.0.1', []);
    for (const ok of ['127.0.0.1:8642', 'localhost:8642', '[::1]:8642']) expect(isOwnAuthority(policy, at(ok), 8642), ok).toBe(true);
    for (const bad of ['127.0.0.1:8643', 'evil.example:8642', 'localhost.evil.example:8642', '127.0.0.1']) expect(isOwnAuthority(policy, at(bad), 8642), bad).toBe(false);
    expect(isOwnAuthority(policy, null, 8642)).toBe(false);
  });

  it('a server on a named address answers that name, and MU_ALLOWED_HOSTS entries (any port unless given)', () => {
    const policy = hostPolicy('10.1.2.3', ['mu.example.org', 'proxy.lan:8080']);
    expect(isOwnAuthority(policy, at('10.1.2.3:9000'), 9000)).toBe(true);
    expect(isOwnAuthority(policy, at('localhost:9000'), 9000)).toBe(false);
    expect(isOwnAuthority(policy, at('mu.example.org'), 9000)).toBe(true);
    expect(isOwnAuthority(policy, at('MU.example.org:443'), 9000)).toBe(true);
    expect(isOwnAuthority(policy, at('proxy.lan:8080'), 9000)).toBe(true);
    expect(isOwnAuthority(policy, at('proxy.lan:8081'), 9000)).toBe(false);
  });

  it('a wildcard server answers loopback names and the addresses of its interfaces', () => {
    const policy = hostPolicy('0.0.0.0', []);
    const ipv4 = Object.values(networkInterfaces()).flat().find((a) => a?.family === 'IPv4')!;
    expect(isOwnAuthority(policy, at(`${ipv4.address}:8642`), 8642)).toBe(true);
    expect(isOwnAuthority(policy, at('localhost:8642'), 8642)).toBe(true);
    expect(isOwnAuthority(policy, at('evil.example:8642'), 8642)).toBe(false);
  });
});
