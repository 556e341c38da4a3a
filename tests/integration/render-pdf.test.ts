import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openGraph } from '../../graph/graph';
import { createApp } from '../../server/app';
import { PdfPrinter } from '../../server/routes/render/pdf-printer';
import { sanitiseSvg } from '../../server/routes/render/sanitise-svg';

const logger = pino({ level: 'silent' });
const graph = openGraph(inject('neo4j'));
const printer = new PdfPrinter('/usr/bin/chromium');
const app = createApp({ graph, logger, pdfPrinter: printer });
const dir = mkdtempSync(path.join(os.tmpdir(), 'kizuna-pdf-'));

/**
 * A loopback listener that must see nothing: it counts raw TCP connections, so a
 * preconnect (which sends no request) is caught as well as a fetch.
 */
const seen: string[] = [];
let connections = 0;
/** Waiters of quiet() below: its own connections say QUIET and are not counted. */
const quietWaiters: Array<() => void> = [];
const listener = net.createServer((socket) => {
  const connection = `connection ${++connections}`;
  seen.push(connection);
  socket.once('data', (d) => {
    const line = d.toString().split('\r\n')[0] ?? '';
    if (line === 'QUIET') {
      seen.splice(seen.indexOf(connection), 1);
      quietWaiters.shift()?.();
    } else seen.push(line);
  });
  socket.on('error', () => {});
  socket.end();
});
let probe = '';
let probePort = 0;

/**
 * Resolves once the listener has taken every connection made to it so far. Print closes its
 * browser context before it returns, so the page can open nothing after that; a connection it
 * opened before is already queued at the listener, which accepts in order: once a connection
 * of our own has been accepted, every earlier one has been counted in `seen`.
 */
async function quiet(): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    quietWaiters.push(resolve);
    const socket = net.connect(probePort, '127.0.0.1', () => socket.end('QUIET\r\n'));
    socket.once('error', reject);
  });
}

beforeAll(async () => {
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  probePort = (listener.address() as net.AddressInfo).port;
  probe = `http://127.0.0.1:${probePort}`;
});

afterAll(async () => {
  listener.close();
  await printer.close();
  await graph.close();
  rmSync(dir, { recursive: true, force: true });
});

const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200"><title>Briefing &amp; test</title><text x="10" y="40">経済上の連携に関する協定 — EPA</text></svg>';

/** A page heavy enough to keep the print engine busy for a while on any machine. */
const HEAVY = `<svg xmlns="http://www.w3.org/2000/svg" width="2000" height="2000">${Array.from(
  { length: 6000 },
  (_, i) =>
    `<text x="${(i * 37) % 1900}" y="${(i * 13) % 1990}" font-size="${6 + (i % 9)}" transform="rotate(${i % 360} 1000 1000)">経済上の連携に関する協定 ${i}</text>`,
).join('')}</svg>`;

const pdfText = (file: string) =>
  spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout as string;

/** The renderer's browser: this process's Chromium child started with the offline flags. */
function rendererPid(): number {
  const pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (ppid === process.pid && cmdline.includes('--proxy-server=http://127.0.0.1:9'))
        return Number(pid);
    } catch {
      // The process ended while we looked.
    }
  }
  return 0;
}

async function waitFor(condition: () => boolean | Promise<boolean>, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('POST /api/render/pdf', () => {
  it('prints a diagram to a vector PDF of the requested page, text kept as text', async () => {
    const res = await request(app)
      .post('/api/render/pdf')
      .send({ svg: SVG, page: 'slide', orientation: 'landscape' })
      .buffer(true);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="kizuna-diagram-\d{4}-\d{2}-\d{2}\.pdf"$/,
    );
    const file = path.join(dir, 'out.pdf');
    writeFileSync(file, res.body as Buffer);
    const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(/Page size:\s+960 x 540 pts/);
    expect(info).toMatch(/Title:\s+Briefing & test/);
    expect(pdfText(file)).toContain('経済上の連携に関する協定 — EPA');
  }, 120_000);

  it('prints several pages, in order, on Letter', async () => {
    const pages = ['One', 'Two', 'Three'].map(
      (word) =>
        `<svg xmlns="http://www.w3.org/2000/svg" width="612" height="792"><text x="40" y="60" font-size="20">Page ${word}</text></svg>`,
    );
    const res = await request(app)
      .post('/api/render/pdf')
      .send({ pages, page: 'letter', orientation: 'portrait', title: 'Three pages' })
      .buffer(true);
    expect(res.status).toBe(200);
    const file = path.join(dir, 'pages.pdf');
    writeFileSync(file, res.body as Buffer);
    const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(/Pages:\s+3/);
    expect(info).toMatch(/Page size:\s+612 x 792 pts/);
    expect(pdfText(file).match(/Page (One|Two|Three)/g)).toEqual([
      'Page One',
      'Page Two',
      'Page Three',
    ]);
  }, 120_000);

  it('refuses what is not one SVG element, and bad page options, naming the field', async () => {
    const notSvg = await request(app)
      .post('/api/render/pdf')
      .send({ svg: '<html><script>alert(1)</script></html>' });
    expect(notSvg.status).toBe(400);
    expect(notSvg.body).toMatchObject({
      field: 'svg',
      detail: "Body field 'svg': must be a single <svg> element",
    });
    const page = await request(app).post('/api/render/pdf').send({ svg: SVG, page: 'legal' });
    expect(page.status).toBe(400);
    expect(page.body.field).toBe('page');
    const doctype = await request(app)
      .post('/api/render/pdf')
      .send({
        pages: [SVG, '<svg><!DOCTYPE svg [<!ENTITY a "aaaa">]><text>&a;</text></svg>'],
      });
    expect(doctype.status).toBe(400);
    expect(doctype.body.detail).toBe(
      "Body field 'pages.1': must not declare a DOCTYPE or entities",
    );
    const broken = await request(app)
      .post('/api/render/pdf')
      .send({ svg: '<svg><text>open</svg>' });
    expect(broken.status).toBe(400);
    expect(broken.body.detail).toMatch(/^Body field 'svg': is not well-formed XML/);
    // Deeper than the parser's limit: the sender's mistake, a 400 naming it (it was a 500).
    const deep = await request(app)
      .post('/api/render/pdf')
      .send({ svg: `<svg>${'<g>'.repeat(150)}${'</g>'.repeat(150)}</svg>` });
    expect(deep.status).toBe(400);
    expect(deep.body.detail).toBe("Body field 'svg': nests elements more than 100 deep");
    const both = await request(app)
      .post('/api/render/pdf')
      .send({ svg: SVG, pages: [SVG] });
    expect(both.status).toBe(400);
  });

  it('refuses bodies beyond the cap before reading them whole', async () => {
    const huge = `<svg xmlns="http://www.w3.org/2000/svg">${'<g/>'.repeat(2_500_000)}</svg>`;
    const res = await request(app).post('/api/render/pdf').send({ svg: huge });
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('says plainly when the server has no Chromium, instead of failing', async () => {
    const without = createApp({
      graph,
      logger,
      pdfPrinter: new PdfPrinter('/nonexistent/chromium'),
    });
    const res = await request(without).post('/api/render/pdf').send({ svg: SVG });
    expect(res.status).toBe(501);
    expect(res.body.detail).toContain('PDF export needs Chromium on the server');
  });
});

describe('the renderer reaches nothing', () => {
  /** Each way a document can make a browser open a connection, aimed at the listener. */
  const svgVectors = () => ({
    prefetch: `<link xmlns="http://www.w3.org/1999/xhtml" rel="prefetch" href="${probe}/prefetch"/>`,
    preload: `<link xmlns="http://www.w3.org/1999/xhtml" rel="preload" as="image" href="${probe}/preload"/>`,
    preconnect: `<link xmlns="http://www.w3.org/1999/xhtml" rel="preconnect" href="${probe}"/>`,
    dnsPrefetch: `<link xmlns="http://www.w3.org/1999/xhtml" rel="dns-prefetch" href="//localhost:${probePort}"/>`,
    cssUrl: `<rect width="10" height="10" style="fill: url(${probe}/css-url.svg#p)" fill="url(${probe}/fill.svg#p)"/>`,
    cssImport: `<style>@import url(${probe}/import.css); rect { fill: url(${probe}/rule.svg#x) }</style>`,
    font: `<style>@font-face { font-family: Probe; src: url(${probe}/font.woff2); } text { font-family: Probe }</style><text x="1" y="9" font-family="Probe">f</text>`,
    image: `<image href="${probe}/image.png" width="10" height="10"/><image xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="${probe}/xlink.png" width="10" height="10"/>`,
    iframe: `<foreignObject width="100" height="100"><iframe xmlns="http://www.w3.org/1999/xhtml" src="${probe}/iframe"></iframe></foreignObject>`,
    metaRefresh: `<foreignObject width="10" height="10"><meta xmlns="http://www.w3.org/1999/xhtml" http-equiv="refresh" content="0;url=${probe}/refresh"/></foreignObject>`,
    use: `<use href="${probe}/use.svg#a"/>`,
    script: `<script>fetch('${probe}/script')</script><rect width="5" height="5" onload="fetch('${probe}/onload')"/>`,
    anchor: `<a href="${probe}/anchor"><text x="1" y="20">kept text</text></a>`,
  });

  it('a diagram carrying every vector prints, stripped of all of them, and the listener sees nothing', async () => {
    const vectors = svgVectors();
    const pages = Object.values(vectors).map(
      (v) =>
        `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100"><text x="5" y="50">safe text</text>${v}</svg>`,
    );
    for (const page of pages) {
      const clean = sanitiseSvg(page);
      expect(clean).not.toContain(String(probePort));
      expect(clean).toContain('safe text');
    }
    const res = await request(app).post('/api/render/pdf').send({ pages, page: 'a4' }).buffer(true);
    expect(res.status).toBe(200);
    const file = path.join(dir, 'vectors.pdf');
    writeFileSync(file, res.body as Buffer);
    expect(pdfText(file).match(/safe text/g)).toHaveLength(pages.length);
    await quiet();
    expect(seen).toEqual([]);
  }, 180_000);

  it('holds at the browser level too: raw HTML that skips the sanitiser still reaches nothing', async () => {
    // Straight to the print engine, past the allow-list, as if the sanitiser had a hole:
    // request interception never sees prefetch, preconnect or DNS prefetch, so only the
    // browser's own flags stop them.
    const raw = [
      `<link rel="prefetch" href="${probe}/prefetch"><link rel="preload" as="image" href="${probe}/preload"><link rel="preconnect" href="${probe}"><link rel="dns-prefetch" href="//localhost:${probePort}">p`,
      `<style>@import url(${probe}/import.css); @font-face { font-family: P; src: url(${probe}/font.woff2); } body { font-family: P; background: url(${probe}/bg.png); }</style>c`,
      `<img src="${probe}/img.png"><iframe src="${probe}/iframe"></iframe><link rel="stylesheet" href="http://localhost:${probePort}/css">i`,
      `<svg xmlns="http://www.w3.org/2000/svg"><use href="${probe}/use.svg#a"/><image href="${probe}/image.png" width="9" height="9"/></svg>`,
    ];
    const pdf = await printer.print(raw, 'a4', 'portrait', 'raw');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // A meta refresh navigates away from the page being printed; whatever Chromium makes
    // of that, nothing may reach the listener.
    await printer
      .print(
        [`<meta http-equiv="refresh" content="0;url=${probe}/refresh">r`],
        'a4',
        'portrait',
        'refresh',
      )
      .catch(() => undefined);
    await quiet();
    expect(seen).toEqual([]);
  }, 180_000);
});

// A scenario on the file's one printer: its last test kills the printer's browser.
describe('the renderer cannot be exhausted', { shuffle: false }, () => {
  it('stops a render at its deadline and closes its context', async () => {
    const slow = new PdfPrinter('/usr/bin/chromium', {
      concurrent: 2,
      queued: 4,
      deadlineMs: 800,
    });
    try {
      const res = await request(createApp({ graph, logger, pdfPrinter: slow }))
        .post('/api/render/pdf')
        .send({ svg: HEAVY });
      expect(res.status).toBe(503);
      expect(res.body.title).toBe('PDF render timed out');
      expect(res.headers['retry-after']).toBeDefined();
      expect(slow.load()).toEqual({ running: 0, waiting: 0 });
      expect(await slow.openContexts()).toBe(0);
    } finally {
      await slow.close();
    }
  }, 120_000);

  it('runs at most two renders, queues a few, and answers 503 with Retry-After beyond', async () => {
    const capped = new PdfPrinter('/usr/bin/chromium', {
      concurrent: 2,
      queued: 1,
      deadlineMs: 120_000,
    });
    const capApp = createApp({ graph, logger, pdfPrinter: capped });
    let most = 0;
    const watch = setInterval(() => {
      most = Math.max(most, capped.load().running);
    }, 20);
    try {
      const first = [1, 2, 3].map(() =>
        request(capApp)
          .post('/api/render/pdf')
          .send({ svg: HEAVY })
          .buffer(true)
          .then((r) => r),
      );
      await waitFor(() => capped.load().running === 2 && capped.load().waiting === 1);
      const refused = await request(capApp).post('/api/render/pdf').send({ svg: SVG });
      expect(refused.status).toBe(503);
      expect(refused.body.title).toBe('PDF renderer busy');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      const done = await Promise.all(first);
      expect(done.map((r) => r.status)).toEqual([200, 200, 200]);
      expect(most).toBe(2);
    } finally {
      clearInterval(watch);
      await capped.close();
    }
  }, 300_000);

  it('stops the render when the client goes away', async () => {
    const server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as net.AddressInfo;
      const req = http.request({
        host: '127.0.0.1',
        port,
        path: '/api/render/pdf',
        method: 'POST',
        headers: { 'content-type': 'application/json' },
      });
      req.on('error', () => {});
      req.end(JSON.stringify({ svg: HEAVY }));
      await waitFor(async () => printer.load().running === 1 && (await printer.openContexts()) > 0);
      req.destroy();
      await waitFor(async () => printer.load().running === 0, 20_000);
      expect(await printer.openContexts()).toBe(0);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }, 180_000);

  it('starts a new browser when its browser has died', async () => {
    const first = await request(app).post('/api/render/pdf').send({ svg: SVG }).buffer(true);
    expect(first.status).toBe(200);
    const pid = rendererPid();
    expect(pid).toBeGreaterThan(0);
    process.kill(pid, 'SIGKILL');
    await waitFor(async () => (await printer.openContexts()) === 0);
    const again = await request(app).post('/api/render/pdf').send({ svg: SVG }).buffer(true);
    expect(again.status).toBe(200);
    expect(rendererPid()).not.toBe(pid);
  }, 180_000);
});
