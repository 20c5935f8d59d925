import type { Transport } from './transport.ts';

/**
 * Pipedrive allows 10 search requests per 2 s per token and answers 429 above it.
 * The pickers' debounce keeps a typing rep well below that, but a rep can type in bursts and the
 * person and organization pickers share the token, so every v2 search of a session first takes a
 * slot here: at most 8 start in any 2 s. Two spare, because Pipedrive's window is not timed by our
 * clock, and a search cancelled here may still have reached Pipedrive and counted.
 */
export const SEARCH_WINDOW_MS = 2000;
export const SEARCHES_PER_WINDOW = 8;

type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

const sleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });

/**
 * A sliding window of search starts. A search whose query was superseded while it waited (React
 * Query aborts its signal) gives its turn up without being sent.
 */
export function searchPacer(now: () => number = Date.now, wait: Sleep = sleep) {
  const starts: number[] = [];
  return async function takeSlot(signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const time = now();
      while (starts.length > 0 && (starts[0] ?? 0) <= time - SEARCH_WINDOW_MS) starts.shift();
      if (starts.length < SEARCHES_PER_WINDOW) {
        starts.push(time);
        return;
      }
      await wait((starts[0] ?? time) + SEARCH_WINDOW_MS - time, signal);
    }
  };
}

/** One window per transport: a transport is one signed-in session, so one token. */
const pacers = new WeakMap<Transport, ReturnType<typeof searchPacer>>();

export function takeSearchSlot(transport: Transport, signal?: AbortSignal): Promise<void> {
  let pacer = pacers.get(transport);
  if (!pacer) {
    pacer = searchPacer();
    pacers.set(transport, pacer);
  }
  return pacer(signal);
}
