import { describe, expect, it } from 'vitest';
import type { FlowStep } from '../../common/inspector/model.ts';
import { fitStep, jsonBytes } from './step-size.ts';

const call: FlowStep = {
  id: 'api-1',
  kind: 'api-call',
  at: 0,
  by: 'server',
  title: 'POST /api/v1/leads',
  why: 'An API call with the access token.',
  facts: [{ label: 'status', value: ['201'] }],
  request: {
    method: 'POST',
    url: ['https://api.example.com/api/v1/leads'],
    headers: [],
    body: ['x'.repeat(3000)],
  },
  response: { status: 201, headers: [['x-ratelimit-remaining', ['79']]], body: ['y'.repeat(3000)] },
  durationMs: 12,
};

describe('fitStep: one step never takes more than its cap', () => {
  it('keeps a step that fits as it is, as a copy of its own (no string shared with a large body)', () => {
    const fitted = fitStep(call, 10_000);
    expect(fitted).toEqual({ step: call, bytes: jsonBytes(call) });
    expect(fitted?.step).not.toBe(call);
  });

  it('drops the bodies first, keeping headers and facts', () => {
    const fitted = fitStep(call, 2000);
    expect(fitted?.bytes).toBeLessThanOrEqual(2000);
    expect(fitted?.step.request?.body).toEqual(['body left out: this step was too large to keep']);
    expect(fitted?.step.response?.headers).toEqual(call.response?.headers);
  });

  it('keeps only an outline of a step whose URL or headers alone are too large', () => {
    const huge = {
      ...call,
      title: `GET /api/v1/users/me?${'\u0001'.repeat(50_000)}`,
      request: { method: 'GET', url: ['\u0001'.repeat(50_000)], headers: [] },
    };
    const fitted = fitStep(huge, 2000);
    expect(fitted?.bytes).toBeLessThanOrEqual(2000);
    expect(fitted?.step.request).toBeUndefined();
    expect(fitted?.step.title.length).toBeLessThanOrEqual(101);
    expect(fitStep(huge, 100)).toBeUndefined();
  });
});
