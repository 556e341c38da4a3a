import pino from 'pino';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { type RunningServer, startServer } from '../../server/main';
import { launchChromium } from '../support/browser';
import { unreachableConnection } from '../support/seeded-graph';
import { freePort } from '../support/throwaway-neo4j';
import { ExplorerPage } from './explorer-page';

let browser: Browser;
let server: RunningServer;

beforeAll(async () => {
  browser = await launchChromium();
  const config = loadConfig({ PORT: String(await freePort()), LOG_LEVEL: 'silent' });
  const closed = await unreachableConnection();
  server = await startServer(config, closed, pino({ level: 'silent' }));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('with the database down', () => {
  it('says so plainly, with a way to try again', async () => {
    const x = await ExplorerPage.open(browser, server.url.replace('localhost', '127.0.0.1'));
    expect(await x.page.getAttribute('body', 'data-state')).toBe('error');
    const message = await x.page.textContent('[data-test="error"]');
    expect(message).toContain('Database unavailable');
    expect(await x.page.isVisible('text=/^(Try again|再試行)$/')).toBe(true);
    await x.page.close();
  });
});
