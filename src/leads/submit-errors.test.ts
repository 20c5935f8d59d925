import { describe, expect, it } from 'vitest';
import { addLead } from '@/pipedrive/add-lead.ts';
import { createSandboxTransport, transportWithToken } from '@/testing/sandbox-transport.ts';
import { LeadNotConfirmed } from './send-lead-once.ts';
import { describeSubmitError } from './submit-errors.ts';
import { fieldTargetFor } from './submit-field-targets.ts';

// Real error responses from the in-process sandbox, which answers as Pipedrive does.
async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('the request should have failed'),
    (error: unknown) => error,
  );
}

describe('describeSubmitError', () => {
  it('puts an unknown person on the Person field', async () => {
    const { transport } = createSandboxTransport();
    const error = await failureOf(addLead(transport, { title: 'Ghost', person_id: 999_999 }));
    expect(describeSubmitError(error, fieldTargetFor)).toEqual({
      field: { path: 'person', label: 'this person' },
      message: 'Pipedrive did not accept this person: "person_id" must refer to an existing person',
    });
  });

  it('puts an unknown organization on the Organization field', async () => {
    const { transport } = createSandboxTransport();
    const error = await failureOf(addLead(transport, { title: 'Ghost', organization_id: 999_999 }));
    expect(describeSubmitError(error, fieldTargetFor)).toMatchObject({ field: { path: 'organization' } });
  });

  it('keeps a rule that names no form field in the summary, in Pipedrive words', async () => {
    const { transport } = createSandboxTransport();
    const error = await failureOf(addLead(transport, { title: 'Nobody' }));
    const problem = describeSubmitError(error, fieldTargetFor);
    expect(problem.field).toBeUndefined();
    expect(problem.message).toContain('must contain at least one of [person_id, organization_id]');
  });

  it('puts an unknown owner on the Owner field', async () => {
    const { transport } = createSandboxTransport();
    const error = await failureOf(addLead(transport, { title: 'x', person_id: 1, owner_id: 999 }));
    expect(describeSubmitError(error, fieldTargetFor)).toMatchObject({ field: { path: 'owner' } });
  });

  it('asks to sign in again on 401', async () => {
    const { sandbox } = createSandboxTransport();
    const error = await failureOf(
      addLead(
        transportWithToken(sandbox, () => 'expired'),
        { title: 'x', person_id: 1 },
      ),
    );
    expect(describeSubmitError(error, fieldTargetFor).message).toMatch(/session has ended\. Sign in again/);
  });

  it('explains a network failure with a next step', () => {
    expect(describeSubmitError(new TypeError('Failed to fetch'), fieldTargetFor).message).toMatch(
      /could not reach Pipedrive/,
    );
  });

  it('after a lost answer, says whether the lead is known to be missing or cannot be checked yet', () => {
    expect(describeSubmitError(new LeadNotConfirmed(true), fieldTargetFor).message).toMatch(
      /it is not in Pipedrive\. Select “Create anyway”/,
    );
    expect(describeSubmitError(new LeadNotConfirmed(false), fieldTargetFor).message).toMatch(
      /cannot tell yet whether the lead was stored/,
    );
  });

  it('a 429 says the lead goes again by itself', async () => {
    const { sandbox, token } = createSandboxTransport();
    const limited = transportWithToken(
      sandbox,
      () => token,
      () => ({ path: '*', status: 429, retryAfterSeconds: 2 }),
    );
    const error = await failureOf(addLead(limited, { title: 'x', person_id: 1 }));
    expect(describeSubmitError(error, fieldTargetFor).message).toMatch(/sends the lead again by itself/);
  });
});
