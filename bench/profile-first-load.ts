/**
 * npx tsx bench/profile-first-load.ts BUILD_DIR [--throttle 4] [--url URL]
 *
 * Where the first load's main-thread time goes: a CDP CPU profile of one build's first load
 * (navigation to body[data-state=ready] and a settle), CPU throttled as bench/client-interaction
 * does, summed by function (self and inclusive time) and printed, the longest first; the longest
 * tasks, and how many times Cytoscape applied the stylesheet to an element, and why (the
 * callers), by the first legible render. Build with `npx vite build --minify false` for names.
 * With --url, an app already running is used instead of starting one.
 */
import { parseArgs } from 'node:util';
import { startLocalApp } from '../scripts/local-app';
import { launchChromium } from '../server/chromium';
import { serveBuild } from './serve-build';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { throttle: { type: 'string', default: '4' }, url: { type: 'string' } },
});

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

async function main() {
  const app = values.url ? null : await startLocalApp();
  const served = await serveBuild(positionals[0]!, values.url ?? app!.url);
  const browser = await launchChromium(app?.config.chromiumPath ?? '/usr/bin/chromium');
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(values.throttle) });
    // Counts Cytoscape's style applications (per element) and its drawings, once the canvas exists.
    await page.addInitScript(`window.__styled = 0; window.__draws = 0;
      Object.defineProperty(window, 'kizuna', { configurable: true, set(v) {
        Object.defineProperty(window, 'kizuna', { value: v, writable: true, configurable: true });
        const style = v.cy.style(); const apply = style.apply.bind(style);
        window.__why = {};
        style.apply = (eles) => { window.__styled += eles.length;
          if (window.__whyOn !== false) { const k = (new Error().stack || '').split('\\n').slice(2, 40).map((l) => l.trim().split(' ')[1]).filter((f) => f && !/^(Object|Array|Function|Set|Map|new|forEach|map|filter|eval|apply|parsedStyle|numericStyle|cleanStyle|<anonymous>)/.test(f)).slice(0, 7).join(' < ');
            window.__why[k] = (window.__why[k] || 0) + eles.length; }
          return apply(eles); };
        const r = v.cy.renderer(); const render = r.render.bind(r);
        r.render = (o) => { window.__draws += 1; return render(o); };
      } });`);
    await page.addInitScript(`window.__longTasks = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push(Math.round(e.duration)); }).observe({ type: 'longtask', buffered: true });`);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
    await page.goto(`${served.url}/#lang=en`);
    await page.waitForSelector('body[data-state="ready"]', { timeout: 300_000 });
    const firstRender = await page.evaluate(
      `performance.getEntriesByName('kizuna:first-render')[0].startTime`,
    );
    const counts = await page.evaluate(
      `({ styled: window.__styled, draws: window.__draws, elements: window.kizuna.cy.elements().length })`,
    );
    console.log('at first render:', counts);
    console.log(
      Object.entries((await page.evaluate('window.__why')) as Record<string, number>)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 25)
        .map(([k, n]) => `${n}  ${k}`)
        .join('\n'),
    );
    await page.waitForTimeout(3000);
    console.log(
      '3 s later:',
      await page.evaluate(
        `({ styled: window.__styled, draws: window.__draws, elements: window.kizuna.cy.elements().length })`,
      ),
    );
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
      profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
    };
    const self = new Map<number, number>();
    for (const [i, id] of profile.samples.entries())
      self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
    const byName = new Map<string, number>();
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const nodeOf = new Map(profile.nodes.map((n) => [n.id, n]));
    const total = new Map<string, number>();
    for (const n of profile.nodes) {
      const us = self.get(n.id) ?? 0;
      const name = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
      byName.set(name, (byName.get(name) ?? 0) + us);
      // Inclusive time per function name (counted once per stack).
      const seen = new Set<string>();
      for (let at: number | undefined = n.id; at !== undefined; at = parent.get(at)) {
        const f = nodeOf.get(at)!.callFrame;
        const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
        if (seen.has(key)) continue;
        seen.add(key);
        total.set(key, (total.get(key) ?? 0) + us);
      }
    }
    const top = (m: Map<string, number>, k: number) =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, k)
        .map(([n, us]) => `${Math.round(us / 1000)} ms  ${n}`);
    console.log(
      `first render ${Math.round(firstRender as number)} ms; long tasks`,
      await page.evaluate('window.__longTasks'),
    );
    console.log('--- self\n' + top(byName, 40).join('\n'));
    console.log('--- inclusive\n' + top(total, 70).join('\n'));
  } finally {
    await browser.close();
    served.close();
    await app?.close();
  }
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
