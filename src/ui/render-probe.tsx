import { Profiler, type ReactNode } from 'react';
import { RENDER_COUNTS_GLOBAL } from './render-probe-global.ts';

/**
 * Commits counted per probe. Only React's development and profiling builds call a Profiler's
 * onRender, so counting is on in development (and under Vitest) and in the profiling build
 * `npm run bench` makes (vite.profiling.config.ts, mode `profiling`); in the production build this
 * is constant false, the probes render their children as they are, and nothing is recorded.
 */
const COUNTING = import.meta.env.DEV || import.meta.env.MODE === 'profiling';

const commits: Record<string, number> = {};

// The bench reads (and resets) them in the page.
if (import.meta.env.MODE === 'profiling') {
  Object.assign(globalThis, { [RENDER_COUNTS_GLOBAL]: commits });
}

function countCommit(id: string) {
  commits[id] = (commits[id] ?? 0) + 1;
}

/** Commits counted for `id` since the last reset (0 when counting is off). */
export function renderCountOf(id: string): number {
  return commits[id] ?? 0;
}

export function resetRenderCounts(): void {
  for (const id of Object.keys(commits)) delete commits[id];
}

/**
 * Counts the commits in which this probe or anything inside it rendered. Without children it counts
 * the renders of the component that places it, since nothing else makes it render: that is how the
 * form counts its own renders, apart from the renders of one field inside it.
 */
export function RenderProbe({ id, children }: { id: string; children?: ReactNode }) {
  if (!COUNTING) return children;
  return (
    <Profiler id={id} onRender={countCommit}>
      {children}
    </Profiler>
  );
}
