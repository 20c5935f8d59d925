import type { FlowStep } from './model.ts';

/**
 * `GET /auth/inspector`, and `POST /auth/logout` or `/auth/disconnect` when asked for JSON: this
 * session's steps as the server recorded them, redacted (never an access or refresh token, never the client secret).
 * Part of the `bff` contract (common/bff-contract.ts), kept beside the inspector's step model it names.
 */
export interface BffInspectorTimeline {
  steps: FlowStep[];
}

/**
 * The timeline in an answer of the app server (`/auth/inspector`, or sign-out with the inspector
 * on), or undefined when the answer holds none.
 */
export async function timelineIn(response: Response): Promise<FlowStep[] | undefined> {
  if (!response.headers.get('content-type')?.includes('application/json')) return undefined;
  const body = (await response.json().catch(() => undefined)) as Partial<BffInspectorTimeline> | undefined;
  return Array.isArray(body?.steps) ? body.steps : undefined;
}
