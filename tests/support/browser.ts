import { type Browser, chromium } from 'playwright-core';
import { inject } from 'vitest';
import { launchChromium as launchOwnChromium } from '../../server/chromium';

/**
 * The run's one Chromium (started by tests/global/app.ts): each file connects to it, and
 * closing the connection closes only that file's pages. Outside the e2e projects, where no
 * Chromium is shared, one is launched as before.
 */
export function launchChromium(): Promise<Browser> {
  const endpoint = inject('chromiumEndpoint');
  return endpoint ? chromium.connect(endpoint) : launchOwnChromium();
}
