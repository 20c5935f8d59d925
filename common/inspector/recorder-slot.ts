import type { FlowStep } from './model.ts';
import type { FlowRecord } from './records.ts';

/** What the sign-in and session code tell the tab's recorder. */
export interface RecorderLog {
  readonly enabled: boolean;
  add(record: FlowRecord): void;
  /** `bff` mode: the app server's record of this session replaces what the tab has. */
  replaceWithServerSteps(steps: FlowStep[]): void;
  clear(): void;
  /** Something happened that the panel may want to show (an API call ended). */
  noteActivity(): void;
}

/**
 * Where the tab's inspector recorder plugs in. The recorder is fetched only when the configuration
 * turns the inspector on, before the app renders; with it off, none of its code is ever loaded.
 * The sign-in and session code ask here, and record nothing when it is empty.
 */
export interface TabRecorder {
  log: RecorderLog;
  /** A fetch that records each call this tab makes, or undefined when not recording. */
  fetchThatRecords: () => typeof fetch | undefined;
}

let installed: TabRecorder | undefined;

export function installTabRecorder(recorder: TabRecorder): void {
  installed = recorder;
}

export function tabRecorder(): TabRecorder | undefined {
  return installed;
}
