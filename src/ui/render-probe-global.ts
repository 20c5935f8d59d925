/**
 * Where the profiling build keeps its render counts on `window`, for `npm run bench` to read. Apart
 * from render-probe.tsx, which reads Vite's `import.meta.env` and so does not load in Node.
 */
export const RENDER_COUNTS_GLOBAL = 'quickleadRenderCounts';
