import { type FlowStep, plain, type SecretText } from '../../common/inspector/model.ts';

/** What a step costs: the bytes of the JSON it is served as (UTF-8). */
export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value));
}

/** `{"steps":[]}`: a timeline's size before its first step. */
export const TIMELINE_BYTES_EMPTY = jsonBytes({ steps: [] });

const BODY_LEFT_OUT: SecretText = plain('body left out: this step was too large to keep');
/** Titles hold a request's path, which a caller chooses; an outline keeps only their start. */
const OUTLINE_TITLE_CHARS = 100;

/** The step without its request and answer bodies. */
function withoutBodies(step: FlowStep): FlowStep {
  return {
    ...step,
    ...(step.request?.body ? { request: { ...step.request, body: BODY_LEFT_OUT } } : {}),
    ...(step.response?.body ? { response: { ...step.response, body: BODY_LEFT_OUT } } : {}),
  };
}

/** What is left of a step when even its headers and facts are too large: what it was, and when. */
function outline(step: FlowStep): FlowStep {
  return {
    id: step.id,
    kind: step.kind,
    at: step.at,
    by: step.by,
    title:
      step.title.length > OUTLINE_TITLE_CHARS ? `${step.title.slice(0, OUTLINE_TITLE_CHARS)}…` : step.title,
    why: step.why,
    facts: [
      {
        label: 'details',
        value: plain('left out: this step was too large to keep'),
        note: 'The inspector keeps a bounded amount per step, so one huge call cannot fill the server’s memory.',
      },
    ],
    ...(step.durationMs === undefined ? {} : { durationMs: step.durationMs }),
    ...(step.failed ? { failed: step.failed } : {}),
  };
}

/**
 * The step as it may be kept in `maxBytes`, with its size: whole when it fits, else without its
 * bodies, else as an outline; undefined when not even that fits (no such step is ever kept).
 *
 * What comes back is a copy read back from the step's JSON. A piece cut from a string can share
 * that string's memory (V8 makes such slices), so a step holding 1,000 characters of a 250 kB body
 * could keep all of it alive; a copy holds only what it shows, and exactly what is served.
 */
export function fitStep(step: FlowStep, maxBytes: number): { step: FlowStep; bytes: number } | undefined {
  for (const shrink of [(whole: FlowStep) => whole, withoutBodies, outline]) {
    const json = JSON.stringify(shrink(step));
    const bytes = Buffer.byteLength(json);
    if (bytes <= maxBytes) return { step: JSON.parse(json) as FlowStep, bytes };
  }
  return undefined;
}
