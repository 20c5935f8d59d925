import { describe, expect, it } from 'vitest';
import { createClock } from '../sandbox/test-support.ts';
import type { FlowStep } from '../src/auth/flow-model.ts';
import { InspectorStore } from './inspector-store.ts';

const step = (id: string, kind: FlowStep['kind'] = 'api-call') => ({ id, kind }) as FlowStep;

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
    const store = new InspectorStore(clock.now, { maxEntries: 2, maxSteps: 3 });
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
});
