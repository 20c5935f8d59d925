import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
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
