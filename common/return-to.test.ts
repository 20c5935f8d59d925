import { describe, expect, it } from 'vitest';
import { safeReturnTo } from './return-to.ts';

describe('safeReturnTo', () => {
  const origin = 'https://leads.example.com';
  it.each([
    ['/leads/new?x=1#f', '/leads/new?x=1#f'],
    ['/', '/'],
    [undefined, '/'],
    ['', '/'],
    ['leads', '/'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['/\tevil', '/'],
    ['https://evil.example/', '/'],
    ['https://leads.example.com/leads', '/'],
    ['/api/pipedrive/api/v1/users/me', '/'],
    ['/auth/login', '/'],
    ['/.//evil.example/x', '/'],
    ['/x/../leads', '/leads'],
    ['/%2e/leads', '/leads'],
    ['/%2f%2fevil.example', '/%2f%2fevil.example'],
    ['/x/..//auth/login', '/'],
    [`/${'a'.repeat(3000)}`, '/'],
  ])('%s → %s', (raw, expected) => {
    expect(safeReturnTo(raw, origin)).toBe(expected);
  });
});
