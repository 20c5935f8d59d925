import type { FlowLog } from './flow-log.ts';

/**
 * Where the inspector's recorder plugs in. The recorder (`flow-log.ts`, `flow-http.ts`) is fetched
 * only when the configuration turns the inspector on, before the app renders; with it off, none of
 * its code is ever loaded. The sign-in and session code ask here, and record nothing when empty.
 */
export interface FlowRecorder {
  log: FlowLog;
  /** A fetch that records each call this tab makes. */
  recordedFetch: () => typeof fetch | undefined;
}

let installed: FlowRecorder | undefined;

export function installFlowRecorder(recorder: FlowRecorder): void {
  installed = recorder;
}

export function flowRecorder(): FlowRecorder | undefined {
  return installed;
}
