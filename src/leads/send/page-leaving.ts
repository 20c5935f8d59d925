/**
 * A page being left keeps running for a moment, after `pagehide` and sometimes just before it. If
 * the network returns then, it would start sending a lead waiting in the outbox while the next page
 * restores the same lead from storage. So a page being left starts no send and stops updating
 * what it stored: the next page sends the lead, or this one if it is shown again (back/forward
 * cache).
 */
export interface PageLifecycle {
  /** From `pagehide` until `pageshow`. */
  isLeaving(): boolean;
  /** Resolves when the page is shown again; never, for a page that is gone. */
  shownAgain(): Promise<void>;
}

let leaving = false;
const waiting = new Set<() => void>();

if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', () => {
    leaving = true;
  });
  window.addEventListener('pageshow', () => {
    leaving = false;
    for (const resume of [...waiting]) resume();
    waiting.clear();
  });
}

export const pageLifecycle: PageLifecycle = {
  isLeaving: () => leaving,
  shownAgain: () => new Promise<void>((resolve) => waiting.add(resolve)),
};

/** A page that is never left: tests, and code that runs outside a browser. */
export const ALWAYS_SHOWN: PageLifecycle = {
  isLeaving: () => false,
  shownAgain: () => Promise.resolve(),
};
