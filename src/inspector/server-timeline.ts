import { BFF_PATHS, CSRF_HEADER, CSRF_HEADER_VALUE } from '@common/bff-contract.ts';
import type { FlowStep } from '@common/inspector/model.ts';
import { timelineIn } from '@common/inspector/timeline.ts';

/** `bff` mode, inspector on: the app server's record of this session. */
export async function fetchBffTimeline(fetchImpl: typeof fetch = fetch): Promise<FlowStep[] | undefined> {
  const response = await fetchImpl(BFF_PATHS.inspector, {
    headers: { [CSRF_HEADER]: CSRF_HEADER_VALUE, accept: 'application/json' },
    credentials: 'same-origin',
  });
  return response.ok ? timelineIn(response) : undefined;
}
