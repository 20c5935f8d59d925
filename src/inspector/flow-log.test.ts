import type { FlowStep } from '@common/inspector/model.ts';
import type { Exchange } from '@common/inspector/recording-fetch.ts';
import { describe, expect, it, vi } from 'vitest';
import { FlowLog, MAX_RECORDS } from './flow-log.ts';

function exchange(path: string, body?: string): Exchange {
  return {
    startedAt: 0,
    durationMs: 1,
    method: 'GET',
    url: `https://api.example.com${path}`,
    requestHeaders: [],
    ...(body ? { requestBody: body } : {}),
    status: 200,
    responseHeaders: [],
  };
}

describe('FlowLog', () => {
  it('keeps nothing until the inspector is enabled, and forgets everything when it is switched off', () => {
    const log = new FlowLog();
    log.add({ type: 'exchange', exchange: exchange('/a') });
    log.noteActivity();
    expect(log.getRecords()).toEqual([]);
    expect(log.getActivity()).toBe(0);

    log.enable(true);
    log.add({ type: 'exchange', exchange: exchange('/a') });
    expect(log.getRecords()).toHaveLength(1);
    log.enable(false);
    expect(log.getRecords()).toEqual([]);
  });

  it('tells subscribers about every change, with a new snapshot each time', () => {
    const log = new FlowLog();
    log.enable(true);
    const listener = vi.fn();
    const unsubscribe = log.subscribe(listener);
    const before = log.getRecords();
    log.add({ type: 'exchange', exchange: exchange('/a') });
    expect(log.getRecords()).not.toBe(before);
    log.noteActivity();
    expect(log.getActivity()).toBe(1);
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    log.clear();
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('drops the oldest API calls beyond its bound, never the sign-in or a token call', () => {
    const log = new FlowLog();
    log.enable(true);
    log.add({ type: 'exchange', exchange: exchange('/oauth/token', 'grant_type=authorization_code&code=x') });
    for (let index = 0; index < MAX_RECORDS + 5; index += 1) {
      log.add({ type: 'exchange', exchange: exchange(`/api/${index}`) });
    }
    const records = log.getRecords();
    expect(records).toHaveLength(MAX_RECORDS);
    const paths = records.map((record) =>
      record.type === 'exchange' ? new URL(record.exchange.url).pathname : '',
    );
    expect(paths[0]).toBe('/oauth/token');
    expect(paths[1]).toBe('/api/6');
    expect(paths.at(-1)).toBe(`/api/${MAX_RECORDS + 4}`);
  });

  it('bff mode: the server timeline replaces what was shown', () => {
    const log = new FlowLog();
    log.enable(true);
    log.add({ type: 'exchange', exchange: exchange('/a') });
    const steps = [{ id: 's1', kind: 'pkce' } as FlowStep];
    log.replaceWithServerSteps(steps);
    expect(log.getRecords()).toEqual([{ type: 'server', steps }]);
  });
});
