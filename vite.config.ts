import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { SERIAL_E2E, SERIAL_INTEGRATION } from './tests/suites';

const apiPort = Number(process.env.PORT ?? 8080);

/**
 * Test files that may run at the same time do, one per core (read, not assumed); the files
 * that write to the shared Neo4j run after them, one at a time (tests/suites.ts says which).
 */
const cores = os.availableParallelism();
const sideBySide = { maxWorkers: cores, sequence: { groupOrder: 0 } };
const oneAtATime = { maxWorkers: 1, sequence: { groupOrder: 1 } };
const integrationTimeouts = { testTimeout: 30_000, hookTimeout: 120_000 };
const e2eTimeouts = { testTimeout: 60_000, hookTimeout: 180_000 };

export default defineConfig({
  root: 'client',
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: {
        explorer: fileURLToPath(new URL('./client/index.html', import.meta.url)),
        workbench: fileURLToPath(new URL('./client/workbench.html', import.meta.url)),
      },
    },
  },
  server: {
    port: 5173,
    strictPort: false,
    proxy: {
      // changeOrigin: the API answers only Host names it knows (DNS rebinding defence).
      '/api': { target: `http://127.0.0.1:${apiPort}`, changeOrigin: true },
    },
  },
  test: {
    root: '.',
    // The run's ten slowest files and its set-up times, printed at the end (tests/slowest-files.ts).
    reporters: ['default', './tests/slowest-files.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          root: '.',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          ...sideBySide,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          root: '.',
          include: ['tests/integration/**/*.test.ts'],
          exclude: SERIAL_INTEGRATION,
          globalSetup: ['tests/global/shared-neo4j.ts'],
          setupFiles: ['tests/support/read-only-file.ts'],
          ...integrationTimeouts,
          ...sideBySide,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          root: '.',
          include: ['tests/e2e/**/*.test.ts'],
          exclude: SERIAL_E2E,
          globalSetup: ['tests/global/shared-neo4j.ts', 'tests/global/app.ts'],
          setupFiles: ['tests/support/read-only-file.ts'],
          ...e2eTimeouts,
          ...sideBySide,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration-serial',
          root: '.',
          include: SERIAL_INTEGRATION,
          globalSetup: ['tests/global/shared-neo4j.ts'],
          setupFiles: ['tests/support/serial-file.ts'],
          ...integrationTimeouts,
          ...oneAtATime,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e-serial',
          root: '.',
          include: SERIAL_E2E,
          globalSetup: ['tests/global/shared-neo4j.ts', 'tests/global/app.ts'],
          setupFiles: ['tests/support/serial-file.ts'],
          ...e2eTimeouts,
          ...oneAtATime,
        },
      },
    ],
  },
});
