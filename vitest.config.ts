import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts', 'resources/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
