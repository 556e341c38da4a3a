import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { OWN_NEO4J } from './tests/suites.ts';

const apiPort = Number(process.env.PORT ?? 8080);

/**
 * The unit tests and the files with a Neo4j of their own run first, one per core (read, not
 * assumed); then the files that share the run's one Neo4j, one at a time (tests/suites.ts says why).
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
          // They run beside two lanes of Neo4j and Chromium: compiling the Compose schema took
          // over vitest's default 5 s there (CI-20), though it is no test of speed.
          testTimeout: 30_000,
          ...sideBySide,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration-own-neo4j',
          root: '.',
          include: OWN_NEO4J,
          // Their tests start Neo4j themselves: as long as a start may take (throwaway-neo4j.ts).
          testTimeout: 240_000,
          hookTimeout: 240_000,
          ...sideBySide,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          root: '.',
          include: ['tests/integration/**/*.test.ts'],
          exclude: OWN_NEO4J,
          globalSetup: ['tests/global/shared-neo4j.ts'],
          setupFiles: ['tests/support/serial-file.ts'],
          ...integrationTimeouts,
          ...oneAtATime,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          root: '.',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/global/shared-neo4j.ts', 'tests/global/app.ts'],
          setupFiles: ['tests/support/serial-file.ts'],
          ...e2eTimeouts,
          ...oneAtATime,
        },
      },
    ],
  },
});
