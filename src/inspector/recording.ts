import { installTabRecorder } from '@common/inspector/recorder-slot.ts';
import { recordingFetch } from '@common/inspector/recording-fetch.ts';
import { type FlowLog, flowLog } from './flow-log.ts';

/**
 * `spa` mode: a fetch that records every call this tab makes into the flow log, or undefined when
 * the inspector is off (then nothing is wrapped and nothing is kept).
 */
export function fetchThatRecords(log: FlowLog = flowLog): typeof fetch | undefined {
  if (!log.enabled) return undefined;
  // Looked up per call, so a test that stubs the global fetch still sees the calls.
  return recordingFetch(
    (input, init) => fetch(input, init),
    (exchange) => log.add({ type: 'exchange', exchange }),
  );
}

/** Inspector on: the recorder starts keeping records and the sign-in and session code find it. */
export function startRecording(): void {
  flowLog.enable(true);
  installTabRecorder({ log: flowLog, fetchThatRecords: () => fetchThatRecords(flowLog) });
}
