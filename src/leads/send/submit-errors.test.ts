import { describe, expect, it } from 'vitest';
import { bffSessionTransport } from '@/auth/bff-transport.ts';
import { SpaTokenStore } from '@/auth/spa-token-store.ts';
import { addLead } from '@/pipedrive/add-lead.ts';
import { ApiError } from '@/pipedrive/api-error.ts';
import { ProviderBusyError } from '@/pipedrive/provider-unavailable.ts';
import type { Transport } from '@/pipedrive/transport.ts';
import { memoryStorage } from '@/testing/memory-storage.ts';
import { sandboxProvider } from '@/testing/sandbox-provider.ts';
import { createSandboxTransport, transportWithToken } from '@/testing/sandbox-transport.ts';
import { fieldTargetFor } from '../form/submit-field-targets.ts';
import { storageLedger } from './lead-send-ledger.ts';
import { LeadNotConfirmed, sendLeadOnce } from './send-lead-once.ts';
import { describeSubmitError } from './submit-errors.ts';

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

  it('a 403 for a missing scope names the scope the create needs and how an admin adds it', async () => {
    const { sandbox } = createSandboxTransport();
    const readOnly = sandbox.store.auth.issueTokens({
      clientId: sandbox.clients.public.clientId,
      userId: sandbox.store.crm.users[0]?.id ?? 0,
      scopes: ['base', 'leads:read', 'contacts:full', 'users:read', 'deals:read'],
    }).accessToken.token;
    const error = await failureOf(
      addLead(
        transportWithToken(sandbox, () => readOnly),
        { title: 'x', person_id: 1 },
      ),
    );
    const { message, field } = describeSubmitError(error, fieldTargetFor);
    expect(field).toBeUndefined();
    expect(message).toBe(
      'Pipedrive did not create the lead. QuickLead’s access to Pipedrive is missing Create and read leads (leads:full), needed to create leads and their labels, show the lead you created and convert it to a deal. A Pipedrive admin adds it to the app in Pipedrive’s Developer Hub; then sign out and sign in again, because a sign-in made before the change keeps the old scopes. What you typed is still here.',
    );
  });

  it('a 403 from the permission set says the Pipedrive user may not add leads', async () => {
    const { sandbox } = createSandboxTransport();
    const noLeads = sandbox.store.auth.issueTokens({
      clientId: sandbox.clients.public.clientId,
      userId: 21000007,
      scopes: ['base', 'leads:full', 'contacts:full', 'users:read', 'deals:read'],
    }).accessToken.token;
    const error = await failureOf(
      addLead(
        transportWithToken(sandbox, () => noLeads),
        { title: 'x', person_id: 1 },
      ),
    );
    expect(describeSubmitError(error, fieldTargetFor).message).toBe(
      'Pipedrive did not create the lead. Your Pipedrive user is not allowed to add leads. Ask a Pipedrive admin to give your permission set access to leads. What you typed is still here.',
    );
  });

  it('keeps Pipedrive’s own words for a 403 that is not about permissions', () => {
    const capped = new ApiError(403, 'Open leads limit reached.', undefined);
    expect(describeSubmitError(capped, fieldTargetFor).message).toContain('Open leads limit reached.');
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

  it('a spent daily budget says so in plain words, with the reset time, and that the lead is kept', async () => {
    const { sandbox, token } = createSandboxTransport();
    const spent = transportWithToken(
      sandbox,
      () => token,
      () => ({ path: '*', status: 429, retryAfterSeconds: 3939 }),
    );
    const error = await failureOf(addLead(spent, { title: 'x', person_id: 1 }));
    expect(describeSubmitError(error, fieldTargetFor).message).toMatch(
      /^Your company’s Pipedrive API budget for today is used up\. It resets at .+\. What you typed is still here/,
    );
  });
});

/**
 * `spa` mode: a session whose access token has run out, against the in-process sandbox, while its
 * token endpoint answers every refresh with a 503. Counts what reaches the API.
 */
function spaWithPipedriveDown() {
  const { sandbox, provider, sandboxFetch } = sandboxProvider();
  const tokens = sandbox.store.auth.issueTokens({
    clientId: provider.clientId,
    userId: sandbox.store.crm.users[0]?.id ?? 0,
    scopes: ['base', 'leads:full', 'contacts:full', 'users:read', 'deals:read'],
  });
  let apiCalls = 0;
  const fetchImpl = ((url, init) => {
    if (String(url) === provider.tokenEndpoint) return Promise.resolve(new Response('', { status: 503 }));
    apiCalls += 1;
    return sandboxFetch(url, init);
  }) as typeof fetch;
  const store = new SpaTokenStore(
    provider,
    {
      accessToken: tokens.accessToken.token,
      refreshToken: tokens.refreshToken.token,
      expiresAt: Date.now() - 1,
      scopes: [],
      apiDomain: 'http://127.0.0.1:5182',
    },
    {
      fetch: fetchImpl,
      onSessionEnded: () => expect.unreachable('the session must not end'),
      sleep: async () => {},
    },
  );
  return { transport: store.transport(), sandbox, apiCalls: () => apiCalls };
}

/** `bff` mode: the app server's answer when its refresh failed the same way. */
const bffWithPipedriveDown = (): Transport =>
  bffSessionTransport(
    () => expect.unreachable('the session must not end'),
    async () =>
      new Response(
        JSON.stringify({
          success: false,
          error: 'provider_unavailable',
          error_info: 'Pipedrive is not answering. Your lead is kept; try again in a moment.',
        }),
        { status: 503, headers: { 'content-type': 'application/json' } },
      ),
  );

describe('a create whose token refresh Pipedrive did not answer', () => {
  const NOT_ANSWERING = 'Pipedrive is not answering. Your lead is kept; try again in a moment.';
  const lead = { draftId: 'draft-1', body: { title: 'Kept for later', person_id: 1 } };

  async function sendThrough(transport: Transport) {
    const ledger = storageLedger({ shared: memoryStorage(), tab: memoryStorage() });
    const error = await failureOf(sendLeadOnce(transport, lead, { ledger, lock: (_, task) => task() }));
    return { error, ledger };
  }

  it('spa: was never sent, so it is a plain not-sent failure: not looked for, and says Pipedrive is not answering', async () => {
    const { transport, sandbox, apiCalls } = spaWithPipedriveDown();
    const { error, ledger } = await sendThrough(transport);
    expect(apiCalls()).toBe(0);
    expect(sandbox.store.crm.countLeads()).toBe(0);
    expect(error).not.toBeInstanceOf(LeadNotConfirmed);
    // Nothing recorded as sent: the next Create lead sends it at once instead of looking for it.
    expect(ledger.read(lead.draftId)).toBeUndefined();
    expect(describeSubmitError(error, fieldTargetFor)).toEqual({ message: NOT_ANSWERING });
  });

  it('bff: the server’s 503 provider_unavailable reads the same', async () => {
    const { error, ledger } = await sendThrough(bffWithPipedriveDown());
    expect(error).not.toBeInstanceOf(LeadNotConfirmed);
    expect(ledger.read(lead.draftId)).toBeUndefined();
    expect(describeSubmitError(error, fieldTargetFor)).toEqual({ message: NOT_ANSWERING });
  });

  it('a refresh Pipedrive answered 429 is a 429 like any other: the lead goes again by itself', () => {
    const problem = describeSubmitError(new ProviderBusyError(12), fieldTargetFor);
    expect(problem.message).toMatch(/sends the lead again by itself/);
    expect(problem.message).not.toMatch(/session has ended/);
  });
});
