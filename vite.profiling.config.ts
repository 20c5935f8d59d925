import { defineConfig, mergeConfig } from 'vite';
import baseConfig from './vite.config.ts';

/**
 * The production build with React's profiling build of react-dom, into `dist-profiling/`, for
 * `npm run bench`: only the development and profiling builds call a `<Profiler>`'s onRender, and
 * the bench counts renders in a build that otherwise runs as production does. Its mode,
 * `profiling`, is what turns counting on (`src/ui/render-probe.tsx`); `dist/` never has it.
 */
export default mergeConfig(
  baseConfig,
  defineConfig({
    mode: 'profiling',
    resolve: { alias: [{ find: /^react-dom\/client$/, replacement: 'react-dom/profiling' }] },
    build: { outDir: 'dist-profiling' },
  }),
);
