import { describe, expect, it } from 'vitest';
import { readTokenAnswer, shownBody, UNREADABLE_BODY } from './body.ts';
import { stepsFromExchange } from './exchange-steps.ts';
import { MASK, textOf } from './model.ts';
import type { Exchange } from './recording-fetch.ts';
import { BROWSER_REDACTOR, type Redactor } from './redact.ts';

const SERVER: Redactor = { disclosure: () => 'hint', hint: (value) => `${value.length} characters` };
const TOKEN = 'tok-0123456789abcdefghijklmnopqrstuvwxyz';

/** Every 20-character piece of `secret`, none of which may be shown. */
function piecesOf(secret: string): string[] {
  const pieces: string[] = [];
  for (let start = 0; start + 20 <= secret.length; start += 1) pieces.push(secret.slice(start, start + 20));
  return pieces;
}

describe('shownBody: secrets masked first, then cut', () => {
  it('a cut that falls inside a token masks the token whole instead of showing its start', () => {
    const text = `${'a'.repeat(90)}${TOKEN}${'b'.repeat(90)}`;
    const shown = shownBody({ text }, [{ kind: 'access token', value: TOKEN }], SERVER, 100);
    expect(textOf(shown, false)).toBe(
      `${'a'.repeat(90)}${MASK}${'b'.repeat(6)}\n… (84 more characters not shown)`,
    );
    for (const piece of piecesOf(TOKEN)) expect(JSON.stringify(shown)).not.toContain(piece);
  });

  it('a body the recorder kept only the start of hides a token running past that start', () => {
    // The recorder kept 100 characters; the token starts at 80 and goes on beyond them.
    const whole = `${'a'.repeat(80)}${TOKEN}${'b'.repeat(500)}`;
    const shown = shownBody(
      { text: whole.slice(0, 100), chars: whole.length },
      [{ kind: 'access token', value: TOKEN }],
      SERVER,
      1000,
    );
    expect(JSON.stringify(shown)).not.toContain(TOKEN.slice(0, 20));
    expect(textOf(shown, false)).toBe(
      `${'a'.repeat(100 - TOKEN.length)}\n… (${whole.length - 100 + TOKEN.length} more characters not shown)`,
    );
  });

  it('shows a short body whole, with nothing added', () => {
    expect(shownBody({ text: 'ok' }, [], SERVER, 1000)).toEqual(['ok']);
  });
});

describe('readTokenAnswer', () => {
  it('keeps only the fields OAuth defines, and secrets only as strings', () => {
    const answer = readTokenAnswer({
      text: JSON.stringify({
        access_token: TOKEN,
        refresh_token: { nested: TOKEN },
        token_type: 'Bearer',
        expires_in: 3599,
        scope: 'base leads:full',
        api_domain: 'https://acme.pipedrive.com',
        session_secret: TOKEN,
      }),
    });
    expect(answer).toEqual({
      fields: {
        access_token: TOKEN,
        token_type: 'Bearer',
        expires_in: 3599,
        scope: 'base leads:full',
        api_domain: 'https://acme.pipedrive.com',
      },
      left: 2,
    });
  });

  it('reads nothing from an answer that is cut, not JSON, or not an object', () => {
    const json = JSON.stringify({ access_token: TOKEN });
    expect(readTokenAnswer({ text: json.slice(0, 20), chars: json.length })).toBeUndefined();
    expect(readTokenAnswer({ text: `<html>${TOKEN}</html>` })).toBeUndefined();
    expect(readTokenAnswer({ text: JSON.stringify([TOKEN]) })).toBeUndefined();
  });
});

describe('a token endpoint answer that cannot be read', () => {
  it('is not shown at all, only a note saying why', () => {
    const exchange: Exchange = {
      startedAt: 0,
      durationMs: 5,
      method: 'POST',
      url: 'https://auth.example.com/token',
      requestHeaders: [],
      requestBody: 'grant_type=authorization_code&code=a-code-0123456789',
      status: 200,
      responseHeaders: [],
      responseBody: `access_token=${TOKEN}&token_type=Bearer`,
    };
    const steps = stepsFromExchange(exchange, {
      by: 'browser',
      redactor: BROWSER_REDACTOR,
      tokenEndpoint: 'https://auth.example.com/token',
    });
    const response = steps.find((step) => step.kind === 'token-response');
    expect(response?.response?.body).toEqual([UNREADABLE_BODY]);
    expect(JSON.stringify(steps)).not.toContain(TOKEN);
  });
});
