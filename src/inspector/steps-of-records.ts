import { stepsFromExchange } from '@common/inspector/exchange-steps.ts';
import type { FlowStep } from '@common/inspector/model.ts';
import { BROWSER_REDACTOR } from '@common/inspector/redact.ts';
import {
  authorizationRequestStep,
  callbackStep,
  pkceStep,
  type StepContext,
} from '@common/inspector/sign-in-steps.ts';
import type { ProviderConfig } from '@/config/app-config.ts';
import type { FlowRecord } from '@/inspector/flow-log.ts';

// Records never change, so each is explained once: the steps (and their ids) stay the same
// across renders, and a secret revealed in one stays revealed.
const explained = new WeakMap<FlowRecord, FlowStep[]>();

function contextFor(provider: ProviderConfig | undefined): StepContext {
  return {
    by: 'browser',
    redactor: BROWSER_REDACTOR,
    tokenEndpoint: provider?.tokenEndpoint ?? '',
    ...(provider?.revocationEndpoint ? { revocationEndpoint: provider.revocationEndpoint } : {}),
  };
}

function explain(record: FlowRecord, context: StepContext): FlowStep[] {
  switch (record.type) {
    case 'server':
      return record.steps;
    case 'exchange':
      return stepsFromExchange(record.exchange, context);
    case 'sign-in': {
      const at = record.startedAt ?? record.receivedAt;
      return [
        pkceStep({ codeVerifier: record.codeVerifier, codeChallenge: record.codeChallenge, at }, context),
        authorizationRequestStep(new URL(record.authorizationUrl), at, context),
        callbackStep(
          {
            callbackUrl: new URL(record.callbackUrl),
            sentState: record.sentState,
            at: record.receivedAt,
            cleanedTo: record.cleanedTo,
          },
          context,
        ),
      ];
    }
  }
}

/** The timeline: the log's records as explained steps, in the order they happened. */
export function stepsOfRecords(
  records: readonly FlowRecord[],
  provider: ProviderConfig | undefined,
): FlowStep[] {
  const context = contextFor(provider);
  return records.flatMap((record) => {
    let steps = explained.get(record);
    if (!steps) {
      steps = explain(record, context);
      explained.set(record, steps);
    }
    return steps;
  });
}
