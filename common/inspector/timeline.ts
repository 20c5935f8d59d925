import type { FlowStep } from './model.ts';

/**
 * `GET /auth/inspector`, and `POST /auth/logout` or `/auth/disconnect` when asked for JSON: this
 * session's steps as the server recorded them, redacted (never an access or refresh token, never the client secret).
 * Part of the `bff` contract (common/bff-contract.ts), kept beside the inspector's step model it names.
 */
export interface BffInspectorTimeline {
  steps: FlowStep[];
}
