import pino from 'pino';
import { type BrowserServer, chromium } from 'playwright-core';
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_FLAGS } from '../../server/chromium';
import { loadConfig } from '../../server/config';
import { startServer } from '../../server/main';
import { freePort } from '../support/throwaway-neo4j';
import { clientBuild } from './client-build';
import { once } from './once';

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
    /** The run's one Chromium, for playwright's chromium.connect (tests/support/browser.ts). */
    chromiumEndpoint: string;
  }
}

const log = (message: string) => console.log(`[test app] ${message}`);
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/**
 * The whole app for the browser tests, once per run: the client built (if its sources
 * changed), the server on a free port against the run's one Neo4j (tests/global/shared-neo4j.ts,
 * listed before this file), and one Chromium that every e2e file connects to; each test
 * opens its own context (page) in it.
 */
export default async function setup(project: TestProject) {
  const app = await once('app', async () => {
    const started = Date.now();
    const build = await clientBuild();
    await build.release();
    const config = loadConfig({ PORT: String(await freePort()), LOG_LEVEL: 'silent' });
    const provided = project.getProvidedContext();
    const server = await startServer(
      config,
      provided.neo4j,
      pino({ level: 'silent' }),
      provided.consoleNeo4j,
    );
    let browser: BrowserServer;
    try {
      browser = await chromium.launchServer({
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: CHROMIUM_FLAGS,
      });
    } catch (error) {
      await server.close();
      throw error;
    }
    log(`set-up: client, server and Chromium ready in ${seconds(started)}`);
    return {
      value: { url: server.url.replace('localhost', '127.0.0.1'), endpoint: browser.wsEndpoint() },
      stop: async () => {
        await browser.close();
        await server.close();
      },
    };
  });
  project.provide('appUrl', app.value.url);
  project.provide('chromiumEndpoint', app.value.endpoint);
  return app.release;
}
