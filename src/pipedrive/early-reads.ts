import { type ApiRequest, buildUrl, type Transport } from './transport.ts';

/** An early answer not asked for by then is not used: the call is sent again when it is. */
const EARLY_ANSWER_MAX_AGE_MS = 30_000;

export interface EarlyReads {
  /** The transport to hand on: the first request for a call sent early gets its answer. */
  transport: Transport;
  /** Sends these reads now. */
  startEarly: (requests: readonly ApiRequest[]) => void;
}

const callOf = (request: ApiRequest) => `${request.method} ${buildUrl('http://early.invalid', request)}`;

/**
 * A transport that can send reads before anyone asks for them, and hands each answer to the first
 * request for the same call. The signed-in screens read the account's settings as soon as they
 * run, but their code is a chunk of its own: on a phone the reads would wait for it to arrive, one
 * round trip after it. Started with the session, they travel while it loads. Each early answer is
 * used once, and only while it is fresh; any other request (a second read, a retry) is sent.
 */
export function withEarlyReads(transport: Transport, now: () => number = Date.now): EarlyReads {
  const early = new Map<string, { answer: Promise<Response>; sentAt: number }>();
  return {
    transport: (request) => {
      const call = callOf(request);
      const sent = early.get(call);
      early.delete(call);
      if (sent && now() - sent.sentAt <= EARLY_ANSWER_MAX_AGE_MS && !request.signal?.aborted) {
        return sent.answer;
      }
      return transport(request);
    },
    startEarly: (requests) => {
      for (const request of requests) {
        const answer = transport(request);
        // Whoever asks for it sees a failure; unasked for, it is nobody's error.
        answer.catch(() => undefined);
        early.set(callOf(request), { answer, sentAt: now() });
      }
    },
  };
}
