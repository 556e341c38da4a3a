import { describe, expect, it } from 'vitest';
import {
  briefNode,
  briefTitle,
  deckPages,
  footerLine,
  pageSetup,
  splitNotice,
} from '../../client/export/brief';
import { paperSize } from '../../client/export/brief-model';
import {
  crossings,
  MIN_FONT,
  pillarPages,
  titlePage,
  underpinsPages,
  usableArea,
} from '../../client/export/brief-pages';
import { pageToSvg } from '../../client/export/brief-svg';
import { textWidth, wrapText } from '../../client/export/brief-text';
import { STRIP_HEIGHT, timelineStripSvg } from '../../client/export/timeline-strip';
import { citationFooter, DATASET_SOURCE, DATASET_VERSION, datasetStamp } from '../../core/dataset';
import { buildGraph } from '../../seed/build-graph';
import { curation, gazetteer, plan, source } from '../support/real-plan';

describe('label wrapping', () => {
  it('breaks English at spaces only, keeping hyphenated words whole', () => {
    const lines = wrapText(
      'Summit and high-level visits and dialogue between the two',
      90,
      10,
      'en',
    );
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe('Summit and high-level visits and dialogue between the two');
    expect(lines.some((l) => l.includes('high-level'))).toBe(true);
    for (const l of lines) expect(textWidth(l, 10)).toBeLessThanOrEqual(90);
  });

  it('breaks Japanese at word boundaries from Intl.Segmenter, never before closing punctuation', () => {
    const text = '経済上の連携に関する日本国とモンゴル国との間の協定（EPA）の着実な実施。';
    const lines = wrapText(text, 80, 10, 'ja');
    expect(lines.join('')).toBe(text);
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) {
      expect(l).not.toMatch(/^[、。）]/);
      expect(textWidth(l, 10)).toBeLessThanOrEqual(80);
    }
    // Not cut inside a word: 協定 and 連携 each stay on one line.
    expect(lines.some((l) => l.includes('協定'))).toBe(true);
    expect(lines.some((l) => l.includes('連携'))).toBe(true);
  });
});

describe('briefing pages', () => {
  const node = (id: string, kind: string, name: string, ref?: string) =>
    briefNode(
      {
        id,
        kind,
        name_en: name,
        name_ja: name,
        ref,
        pillar_ref: ref?.split('.')[0],
        area_ref: ref?.split('.').slice(0, 2).join('.'),
      },
      'en',
    );
  const agreements = Array.from({ length: 12 }, (_, i) =>
    node(
      `a${i}`,
      'Agreement',
      `Memorandum of Cooperation number ${i} on matters of mutual interest`,
    ),
  );
  const commitments = Array.from({ length: 24 }, (_, i) =>
    node(`c${i}`, 'Commitment', `Commitment about topic ${i}`, `II.${1 + (i % 3)}.${i + 1}`),
  );
  const graph = {
    nodes: [...agreements, ...commitments],
    edges: commitments.map((c, i) => ({ source: `a${i % 12}`, target: c.id, type: 'UNDERPINS' })),
  };

  it('labels commitments with their ref and names the view in plain words', () => {
    expect(commitments[0]!.label).toBe('II.1.1 Commitment about topic 0');
    expect(briefTitle('preset', 'en')).toBe(
      'Japan–Mongolia Action Plan 2022–2031 — The whole plan',
    );
    expect(briefTitle('underpins', 'ja')).toContain('何が何を支えるか');
  });

  it('ends every page with the dataset citation footer, on at most two lines at ≥ 9 pt on any sheet', () => {
    const stamp = datasetStamp();
    for (const lang of ['en', 'ja'] as const) {
      const line = footerLine(lang, '2026-01-02');
      expect(line.startsWith(citationFooter(stamp, lang))).toBe(true);
      expect(line).toContain(`v${DATASET_VERSION}`);
      expect(line).toContain(`sha256:${stamp.fingerprint.slice(0, 12)}`);
      expect(line).toContain(DATASET_SOURCE.url);
      expect(line).toMatch(/2026-01-02$/);
      for (const paper of ['slide', 'a4', 'letter'] as const)
        for (const orientation of ['portrait', 'landscape'] as const) {
          const setup = pageSetup(paper, orientation, lang, '2026-01-02');
          const page = underpinsPages(graph, setup, 'x')[0]!;
          const footer = page.texts.at(-1)!;
          expect(footer.fontSize).toBeGreaterThanOrEqual(MIN_FONT);
          expect(footer.lines.length).toBeLessThanOrEqual(2);
          // Wrapped, never cut: the lines hold the whole footer, and the address is whole.
          expect(footer.lines.join(' ').replace(/\s+/g, '')).toBe(line.replace(/\s+/g, ''));
          expect(footer.lines.some((l) => l.includes(DATASET_SOURCE.url))).toBe(true);
          for (const l of footer.lines)
            expect(textWidth(l, footer.fontSize)).toBeLessThanOrEqual(footer.width);
          expect(pageToSvg(page)).toContain(`v${DATASET_VERSION}`);
        }
    }
  });

  for (const [paper, orientation] of [
    ['slide', 'landscape'],
    ['a4', 'portrait'],
    ['a4', 'landscape'],
    ['letter', 'portrait'],
    ['letter', 'landscape'],
  ] as const) {
    it(`splits the underpins view by agreement onto ${paper} ${orientation} pages that it fills, no text under 9 pt`, () => {
      const setup = pageSetup(paper, orientation, 'en', '2026-01-02');
      const pages = underpinsPages(graph, setup, 'What underpins what');
      const area = usableArea(setup, 8);
      const sheet = paperSize(paper, orientation);
      expect(pages.length).toBeGreaterThan(0);
      const placed = new Set<string>();
      for (const page of pages) {
        expect(page.width).toBeCloseTo(sheet.width);
        const sizes = [...page.boxes.map((b) => b.fontSize), ...page.texts.map((t) => t.fontSize)];
        expect(Math.min(...sizes)).toBeGreaterThanOrEqual(MIN_FONT);
        const left = Math.min(...page.boxes.map((b) => b.x));
        const right = Math.max(...page.boxes.map((b) => b.x + b.w));
        const bottom = Math.max(...page.boxes.map((b) => b.y + b.h));
        expect(right - left).toBeGreaterThanOrEqual(0.7 * area.width);
        expect(bottom).toBeLessThanOrEqual(area.y + area.height + 0.5);
        for (const b of page.boxes) placed.add(b.id);
        expect(pageToSvg(page)).toContain('Kizuna');
      }
      for (const n of graph.nodes) expect(placed.has(n.id)).toBe(true);
    });
  }

  it('keeps room above the footer for a timeline strip, under the diagram and the legend', () => {
    for (const orientation of ['landscape', 'portrait'] as const) {
      const plain = pageSetup('a4', orientation, 'en', '2026-01-02');
      const setup = {
        ...plain,
        strip: {
          height: STRIP_HEIGHT,
          draw: (box: { x: number; y: number; width: number }) =>
            timelineStripSvg(
              {
                events: [],
                refs: new Set(),
                range: null,
                today: '2026-01-02',
                lang: 'en',
              },
              box,
              'sans-serif',
            ),
        },
      };
      expect(usableArea(setup, 8).height).toBeCloseTo(
        usableArea(plain, 8).height - STRIP_HEIGHT - 8,
      );
      const pages = underpinsPages(graph, setup, 'What underpins what');
      for (const page of pages) {
        const stripTop = Number(/<line x1="[\d.]+" y1="([\d.]+)"/.exec(page.strip!.svg)![1]);
        expect(Math.max(...page.boxes.map((b) => b.y + b.h))).toBeLessThan(stripTop);
        const footerTop = page.texts.at(-1)!.y;
        expect(stripTop + STRIP_HEIGHT).toBeLessThanOrEqual(footerTop);
        const svg = pageToSvg(page);
        expect(svg).toContain('class="timeline-strip"');
        // The legend (rows above the footer on a portrait sheet) stays above the strip.
        const legendY = Number(
          />Legend<\/text>/.test(svg) && /y="([\d.]+)"[^>]*>Legend</.exec(svg)![1],
        );
        expect(legendY).toBeLessThan(stripTop);
      }
      expect(titlePage(setup, { heading: 'H', rows: ['r'] }).strip).toBeUndefined();
      // The deck: every page but the title page carries it.
      const deck = deckPages(graph, setup, { date: '2026-01-02', filters: null });
      expect(deck[0]!.strip).toBeUndefined();
      expect(deck.length).toBeGreaterThan(2);
      for (const page of deck.slice(1)) expect(pageToSvg(page)).toContain('timeline-strip');
    }
  });

  it('tells the user when a view is split, and what each page holds', () => {
    const setup = pageSetup('slide', 'landscape', 'en', '2026-01-02');
    const pages = underpinsPages(graph, setup, 'What underpins what');
    expect(pages.length).toBeGreaterThan(1);
    const notice = splitNotice(pages, 'en')!;
    expect(notice).toMatch(
      new RegExp(
        `^This view will be split onto ${pages.length} pages: 1\\. \\d+ agreements \\(II\\.`,
      ),
    );
    expect(notice.match(/\d+\. \d+ agreements?/g)).toHaveLength(pages.length);
    expect(splitNotice(pages.slice(0, 1), 'en')).toBeNull();
    const ja = underpinsPages(graph, pageSetup('slide', 'landscape', 'ja', '2026-01-02'), 'x');
    expect(splitNotice(ja, 'ja')).toMatch(
      new RegExp(`^このビューは${ja.length}ページに分けて出力されます：1\\. 協定`),
    );
  });

  it('assembles a deck: title page, underpins, the index of commitments', () => {
    const setup = pageSetup('slide', 'landscape', 'en', '2026-01-02');
    const pages = deckPages(graph, setup, { date: '2026-01-02', filters: null });
    expect(pages[0]!.texts.some((t) => t.lines.join(' ').includes('Kizuna'))).toBe(true);
    expect(pages[1]!.title).toContain('What underpins what');
    expect(pages.at(-1)!.title).toBe('Index of commitments');
  });
});

describe('pillar pages on the real plan', () => {
  const model = buildGraph({ source, plan, gazetteer, curation });
  const graph = {
    nodes: model.nodes.map((n) =>
      briefNode({ id: n.id, kind: n.label, ...(n.properties as Record<string, string>) }, 'en'),
    ),
    edges: model.relationships.map((r) => ({ source: r.from.id, target: r.to.id, type: r.type })),
  };
  const setup = pageSetup('slide', 'landscape', 'en', '2026-01-02');

  it('orders each column by the barycentre of its areas, so far fewer links cross than in alphabetical order', () => {
    const counts = ['I', 'II', 'III', 'IV'].map((ref) => {
      const pillar = graph.nodes.find((n) => n.kind === 'Pillar' && n.ref === ref)!;
      const total = (order: 'barycentre' | 'alphabetical') =>
        pillarPages(graph, setup, pillar, 'x', order).reduce((sum, p) => sum + crossings(p), 0);
      return { ref, alphabetical: total('alphabetical'), barycentre: total('barycentre') };
    });
    // Pillar I (politics and security) crosses most in alphabetical order (20 on a slide).
    const security = counts.find((c) => c.ref === 'I')!;
    expect(security.alphabetical).toBeGreaterThanOrEqual(10);
    expect(security.barycentre).toBeLessThan(security.alphabetical / 2);
    for (const c of counts) expect(c.barycentre, c.ref).toBeLessThanOrEqual(c.alphabetical);
  });
});
