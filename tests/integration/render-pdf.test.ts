import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import request from 'supertest';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openGraph } from '../../graph/graph';
import { createApp } from '../../server/app';
import { PdfPrinter } from '../../server/routes/render/pdf-printer';

const logger = pino({ level: 'silent' });
const graph = openGraph(inject('neo4j'));
const printer = new PdfPrinter('/usr/bin/chromium');
const app = createApp({ graph, logger, pdfPrinter: printer });
const dir = mkdtempSync(path.join(os.tmpdir(), 'kizuna-pdf-'));

afterAll(async () => {
  await printer.close();
  await graph.close();
  rmSync(dir, { recursive: true, force: true });
});

const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200"><title>Briefing &amp; test</title><text x="10" y="40">経済上の連携に関する協定 — EPA</text><image href="http://127.0.0.1:9/x.png" width="10" height="10"/></svg>';

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
    expect(spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout).toContain(
      '経済上の連携に関する協定 — EPA',
    );
  }, 60_000);

  it('refuses what is not one SVG element, and bad page options, naming the field', async () => {
    const notSvg = await request(app)
      .post('/api/render/pdf')
      .send({ svg: '<html><script>alert(1)</script></html>' });
    expect(notSvg.status).toBe(400);
    expect(notSvg.body).toMatchObject({
      field: 'svg',
      detail: "Body field 'svg': must be a single <svg> element",
    });
    const page = await request(app).post('/api/render/pdf').send({ svg: SVG, page: 'letter' });
    expect(page.status).toBe(400);
    expect(page.body.field).toBe('page');
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
