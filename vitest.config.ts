import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default on 2 cores is ONE worker (cores − 1), and most end-to-end files wait on
    // a daemon, a fake server or a timer: three at once take the suite from ~600 s to ~335 s
    // on the 2-core machine with every test passing (load average ≈ 4 while it runs).
    maxWorkers: 3,
    reporters: ['default'],
  },
});
