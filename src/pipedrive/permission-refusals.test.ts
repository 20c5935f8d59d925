import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError } from './api-error.ts';
import { callApi } from './call-api.ts';
import { PermissionRefusals } from './permission-refusals.ts';
import type { ApiRequest, Transport } from './transport.ts';

const NO_PERMISSION = { success: false, error: 'You do not have permissions to do this.', data: null };
const SCOPE_MISMATCH = { success: false, error: 'Scope and URL mismatch', errorCode: 403 };
const LABELS: ApiRequest = { method: 'GET', path: '/api/v1/leadLabels' };
const USERS: ApiRequest = { method: 'GET', path: '/api/v1/users' };

/** Answers each path with the next status and body queued for it. */
function scripted(answers: Record<string, Array<[number, unknown]>>): Transport {
  return async (request) => {
    const [status, body] = answers[request.path]?.shift() ?? [200, { success: true, data: [] }];
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
}

const fails = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('the call should fail'),
    (error: unknown) => error,
  );

describe('PermissionRefusals', () => {
  it('knows the refused call by the time the caller has its error, and leaves the body readable', async () => {
    const refusals = new PermissionRefusals();
    const transport = refusals.watch(scripted({ '/api/v1/leadLabels': [[403, NO_PERMISSION]] }));
    const error = await fails(callApi(transport, LABELS, z.array(z.unknown())));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe('You do not have permissions to do this.');
    expect(refusals.current().map((problem) => problem.message)).toEqual([
      'Your Pipedrive user is not allowed to see leads. Ask a Pipedrive admin to give your permission set access to leads.',
    ]);
  });

  it('keeps one entry per distinct refusal and tells subscribers', async () => {
    const refusals = new PermissionRefusals();
    const listener = vi.fn();
    refusals.subscribe(listener);
    const transport = refusals.watch(
      scripted({
        '/api/v1/leadLabels': [[403, NO_PERMISSION]],
        '/api/v1/leadSources': [[403, NO_PERMISSION]],
        '/api/v1/users': [[403, SCOPE_MISMATCH]],
      }),
    );
    await transport(LABELS);
    await transport({ method: 'GET', path: '/api/v1/leadSources' });
    await transport(USERS);
    expect(refusals.current().map((problem) => problem.kind)).toEqual(['permission-set', 'scope']);
    expect(listener).toHaveBeenCalledTimes(3);
  });

  it('forgets a call once it is answered without a 403', async () => {
    const refusals = new PermissionRefusals();
    const transport = refusals.watch(
      scripted({
        '/api/v1/users': [
          [403, SCOPE_MISMATCH],
          [200, { success: true, data: [] }],
        ],
      }),
    );
    await transport(USERS);
    expect(refusals.current()).toHaveLength(1);
    await transport(USERS);
    expect(refusals.current()).toEqual([]);
  });

  it('ignores 403s that are not about permissions, and other statuses', async () => {
    const refusals = new PermissionRefusals();
    const transport = refusals.watch(
      scripted({
        '/api/v1/leadLabels': [[403, { success: false, error: 'Open deals limit reached.' }]],
        '/api/v1/users': [[500, { success: false, error: 'Scope and URL mismatch' }]],
      }),
    );
    await transport(LABELS);
    await transport(USERS);
    expect(refusals.current()).toEqual([]);
  });

  it('hands the same snapshot out until something changes (useSyncExternalStore needs that)', async () => {
    const refusals = new PermissionRefusals();
    const before = refusals.current();
    expect(refusals.current()).toBe(before);
    await refusals.watch(scripted({ '/api/v1/users': [[403, SCOPE_MISMATCH]] }))(USERS);
    expect(refusals.current()).not.toBe(before);
  });
});
