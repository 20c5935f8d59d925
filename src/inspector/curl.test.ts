import type { HttpRequestRecord } from '@common/inspector/model.ts';
import { describe, expect, it } from 'vitest';
import { shellQuote, toCurl } from './curl.ts';

const request: HttpRequestRecord = {
  method: 'POST',
  url: ['https://auth.example.com/token'],
  headers: [
    ['authorization', ['Basic ', { secret: 'client credentials' }]],
    ['content-type', ['application/x-www-form-urlencoded']],
    ['content-length', ['42']],
  ],
  body: ['code=', { secret: 'authorization code', value: 'c0de-c0de' }, "&note=it's"],
};

describe('toCurl', () => {
  it('masks secrets unless revealed, and never shows what the step does not hold', () => {
    expect(toCurl(request, false)).toBe(
      [
        "curl -X POST 'https://auth.example.com/token'",
        "  -H 'authorization: Basic ••••'",
        "  -H 'content-type: application/x-www-form-urlencoded'",
        `  --data-raw 'code=••••&note=it'\\''s'`,
      ].join(' \\\n'),
    );
    const revealed = toCurl(request, true);
    expect(revealed).toContain("code=c0de-c0de&note=it'\\''s");
    expect(revealed).toContain("'authorization: Basic ••••'");
  });

  it('quotes for the shell so nothing in a value is expanded', () => {
    expect(shellQuote('$(rm -rf /) `x` "y"')).toBe(`'$(rm -rf /) \`x\` "y"'`);
    expect(shellQuote("a'b")).toBe(`'a'\\''b'`);
  });
});
