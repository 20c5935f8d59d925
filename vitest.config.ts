import { defineConfig, mergeConfig } from 'vitest/config';
import { NoSkippedContractsReporter } from './scripts/no-skipped-contracts-reporter.ts';
import viteConfig from './vite.config.ts';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      reporters: ['default', new NoSkippedContractsReporter()],
      // A test that renders the whole form against the in-process sandbox takes about a second on
      // 2 cores; on a busy machine the 5 s default is too tight for it, and a timeout tells nothing.
      testTimeout: 15_000,
      projects: [
        {
          extends: true,
          test: { name: 'dom', environment: 'jsdom', include: ['src/**/*.test.tsx'] },
        },
        {
          extends: true,
          test: {
            name: 'node',
            environment: 'node',
            include: [
              'src/**/*.test.ts',
              'common/**/*.test.ts',
              'sandbox/**/*.test.ts',
              'server/**/*.test.ts',
              'scripts/**/*.test.ts',
            ],
          },
        },
      ],
    },
  }),
);
