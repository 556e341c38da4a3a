/**
 * npx tsx bench/first-view-before-after.ts --before DIR --after DIR [--runs 7]
 *
 * Two builds of the client (each a `vite build` output folder, e.g. one made at an older
 * commit) side by side against the same app and data: navigation → the client's
 * 'kizuna:first-render' mark at 1280×720, in Debian's Chromium with the CPU throttled 4×
 * (Emulation.setCPUThrottlingRate) as a modest laptop would run it, the builds taking turns
 * so that a busy moment of the machine falls on both. Each build is served as static files
 * with /api passed through to the one app (the API is the same for both).
 */
import { parseArgs } from 'node:util';
import { startLocalApp } from '../scripts/local-app';
import { launchChromium } from '../server/chromium';
import { isBuild, serveBuild } from './serve-build';

const { values } = parseArgs({
  options: {
    before: { type: 'string' },
    after: { type: 'string' },
    runs: { type: 'string', default: '7' },
  },
});
const runs = Number(values.runs);
for (const option of ['before', 'after'] as const) {
  if (!isBuild(values[option])) {
    console.error(
      `--${option} must name a vite build folder with an index.html (got "${values[option]}").`,
    );
    process.exit(2);
  }
}
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`--runs must be a whole number of at least 1 (got "${values.runs}").`);
  process.exit(2);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const app = await startLocalApp((m) => console.log(m));
const builds = {
  before: await serveBuild(values.before!, app.url),
  after: await serveBuild(values.after!, app.url),
};
const browser = await launchChromium(app.config.chromiumPath);
const times: Record<keyof typeof builds, number[]> = { before: [], after: [] };
try {
  for (let i = 0; i < runs; i++) {
    for (const name of ['before', 'after'] as const) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.goto(`${builds[name].url}/#lang=en`);
      await page.waitForSelector('body[data-state="ready"]', { timeout: 180_000 });
      times[name].push(
        (await page.evaluate(
          `performance.getEntriesByName('kizuna:first-render')[0].startTime`,
        )) as number,
      );
      await page.close();
    }
  }
  const b = median(times.before);
  const a = median(times.after);
  console.log('\nNavigation → first render at 1280×720, CPU throttled 4× (ms):');
  console.log('| build | median | runs |');
  console.log('|---|---:|---|');
  for (const name of ['before', 'after'] as const)
    console.log(
      `| ${name} | ${median(times[name]).toFixed(0)} | ${times[name].map((t) => t.toFixed(0)).join(', ')} |`,
    );
  console.log(`after / before: ${(a / b).toFixed(2)}`);
} finally {
  await browser.close();
  for (const server of Object.values(builds)) server.close();
  await app.close();
}
