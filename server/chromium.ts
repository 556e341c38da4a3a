import { type Browser, chromium } from 'playwright-core';

/**
 * Debian's Chromium, never a downloaded browser build, with the flags this machine's
 * closed network needs (without the background-networking ones Chromium keeps dialling out).
 */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The PDF renderer's Chromium must not reach anything, whatever a diagram asks for: every
 * connection goes to a proxy on the discard port, which refuses it (loopback included,
 * which Chromium would otherwise send direct), no host name resolves, and nothing is
 * fetched, predicted or pinged in the background. Request interception comes on top,
 * but it never sees speculative fetches (prefetch, preconnect, DNS prefetch), so the
 * browser-level flags are what actually holds.
 */
export const OFFLINE_FLAGS = [
  '--proxy-server=http://127.0.0.1:9',
  '--proxy-bypass-list=<-loopback>',
  '--host-resolver-rules=MAP * ~NOTFOUND',
  '--dns-prefetch-disable',
  '--no-pings',
  '--disable-domain-reliability',
  '--disable-features=NetworkPrediction,Prefetch,SpeculationRulesPrefetchFuture,PreloadMediaEngagementData,AutofillServerCommunication,OptimizationHints,InterestFeedContentSuggestions,MediaRouter',
  '--blink-settings=imagesEnabled=false',
  '--disable-remote-fonts',
  '--disable-extensions',
];

/** Chromium for printing PDFs: the flags above on top of the usual ones. */
export function launchOfflineChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [...CHROMIUM_FLAGS, ...OFFLINE_FLAGS],
    // The app closes its printer on shutdown itself; Playwright's own handlers would end the
    // whole process on Ctrl-C (exit 130) before the server has drained.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}

export function launchChromium(
  executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
): Promise<Browser> {
  return chromium.launch({ executablePath, args: CHROMIUM_FLAGS });
}
