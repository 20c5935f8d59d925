import { describe, expect, it } from 'vitest';
import { isAllowedOrigin } from './allowed-origin.ts';

describe('isAllowedOrigin', () => {
  it('accepts an exact origin and one wildcard label', () => {
    expect(isAllowedOrigin('http://127.0.0.1:5182', ['http://127.0.0.1:5182'])).toBe(true);
    expect(isAllowedOrigin('https://acme.pipedrive.com', ['https://*.pipedrive.com'])).toBe(true);
  });

  it('rejects look-alike hosts, paths and other ports', () => {
    const patterns = ['https://*.pipedrive.com', 'http://127.0.0.1:5182'];
    expect(isAllowedOrigin('https://evil.com', patterns)).toBe(false);
    expect(isAllowedOrigin('https://a.b.pipedrive.com', patterns)).toBe(false);
    expect(isAllowedOrigin('https://pipedrive.com.evil.com', patterns)).toBe(false);
    expect(isAllowedOrigin('https://acme.pipedrive.com/path', patterns)).toBe(false);
    expect(isAllowedOrigin('http://127.0.0.1:5183', patterns)).toBe(false);
    expect(isAllowedOrigin('not a url', patterns)).toBe(false);
  });
});
