import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    globalSetup: ['src/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Each file starts real servers and browsers; two at once would only fight over 2 cores.
    fileParallelism: false,
  },
});
