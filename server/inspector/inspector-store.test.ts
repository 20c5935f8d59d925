import { describe, expect, it } from 'vitest';
import type { FlowStep } from '../../common/inspector/model.ts';
import { createClock } from '../../sandbox/testing/test-support.ts';
import { InspectorStore, type InspectorStoreLimits } from './inspector-store.ts';

const step = (id: string, kind: FlowStep['kind'] = 'api-call') => ({ id, kind }) as FlowStep;

/** Byte limits too large to matter, for the tests about counts and time. */
const ROOMY: InspectorStoreLimits = {
  maxEntries: 1000,
  maxSteps: 200,
  maxStepBytes: 16_000,
  maxEntryBytes: 1_000_000,
  maxTotalBytes: 10_000_000,
};

describe('InspectorStore', () => {
  it('forgets an entry once it has been idle for its time to live', () => {
    const clock = createClock();
    const store = new InspectorStore(clock.now);
    store.append('a', [step('1')], 1000);
    clock.advance(999);
    expect(store.steps('a')).toHaveLength(1);
    store.append('a', [step('2')], 1000);
    clock.advance(999);
    expect(store.steps('a')?.map((s) => s.id)).toEqual(['1', '2']);
    clock.advance(1);
    expect(store.steps('a')).toBeUndefined();
  });

  it('is bounded: the least recently used session goes first, and the oldest API calls within one', () => {
    const clock = createClock();
    const store = new InspectorStore(clock.now, { ...ROOMY, maxEntries: 2, maxSteps: 3 });
    store.append('a', [step('pkce', 'pkce')], 1000);
    store.append('b', [step('b1')], 1000);
    store.append('a', [step('a1'), step('a2'), step('a3')], 1000);
    store.append('c', [step('c1')], 1000);
    expect(store.steps('b')).toBeUndefined();
    expect(store.steps('a')?.map((s) => s.id)).toEqual(['pkce', 'a2', 'a3']);
    expect(store.size).toBe(2);
  });

  it('moves a sign-in to its session, and drops it on request', () => {
    const clock = createClock();
    const store = new InspectorStore(clock.now);
    store.append('sign-in:state', [step('pkce', 'pkce')], 1000);
    store.rekey('sign-in:state', 'sid', 5000);
    expect(store.steps('sign-in:state')).toBeUndefined();
    expect(store.steps('sid')).toHaveLength(1);
    store.drop('sid');
    expect(store.size).toBe(0);
  });

  it('counts bytes as served: an entry never passes its cap, all entries never pass the total', () => {
    const clock = createClock();
    const limits = { ...ROOMY, maxStepBytes: 200, maxEntryBytes: 500, maxTotalBytes: 1200 };
    const store = new InspectorStore(clock.now, limits);
    const padded = (id: string) => ({ ...step(id), title: 'x'.repeat(100) }) as FlowStep;
    const served = (key: string) => Buffer.byteLength(JSON.stringify({ steps: store.steps(key) }));
    store.append('a', [step('pkce', 'pkce')], 1000);
    for (let call = 0; call < 10; call += 1) store.append('a', [padded(`a${call}`)], 1000);
    expect(served('a')).toBeLessThanOrEqual(500);
    expect(store.steps('a')?.[0]?.id).toBe('pkce');
    expect(store.steps('a')?.at(-1)?.id).toBe('a9');
    expect(store.bytes).toBe(served('a'));

    // Entries of some 420 bytes: only two fit in the total with the newest, so the oldest go.
    for (const key of ['b', 'c', 'd']) store.append(key, [padded(key), padded(key), padded(key)], 1000);
    expect(store.bytes).toBeLessThanOrEqual(1200);
    expect(store.steps('a')).toBeUndefined();
    expect(store.steps('b')).toBeUndefined();
    expect(store.bytes).toBe(served('c') + served('d'));
  });

  it('refuses limits under which a step could not fit in an entry, or an entry in the total', () => {
    const clock = createClock();
    expect(
      () => new InspectorStore(clock.now, { ...ROOMY, maxStepBytes: 2000, maxEntryBytes: 1000 }),
    ).toThrow();
    expect(
      () => new InspectorStore(clock.now, { ...ROOMY, maxEntryBytes: 2000, maxTotalBytes: 1000 }),
    ).toThrow();
  });
});
