import { describe, expect, it } from 'vitest';
import {
  briefNode,
  briefTitle,
  deckPages,
  footerLine,
  pageSetup,
  splitNotice,
  viewPages,
} from '../../client/export/brief';
import { paperSize } from '../../client/export/brief-model';
import {
  balancedRuns,
  crossings,
  indexPages,
  MIN_FONT,
  pillarPages,
  titlePage,
  underpinsPages,
  usableArea,
} from '../../client/export/brief-pages';
import { pageToSvg, stackedPagesSvg } from '../../client/export/brief-svg';
import { textWidth, wrapText } from '../../client/export/brief-text';
import { STRIP_HEIGHT, timelineStripSvg } from '../../client/export/timeline-strip';
import { citationFooter, DATASET_SOURCE, DATASET_VERSION, datasetStamp } from '../../core/dataset';
import { buildGraph } from '../../seed/build-graph';
import { curation, gazetteer, plan, source } from '../support/real-plan';

/** A node as the briefing reads it, in English, placed by its ref. */
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

describe('pages that run on', () => {
  it('shares a list evenly over as few pages as it needs: 11 rows of a page that holds 9 go 6 + 5', () => {
    const rows = Array.from({ length: 11 }, () => 40);
    // 9 rows of 40 with 14 between take 9 × 40 + 8 × 14 = 472.
    expect(balancedRuns(rows, 472, 14)).toEqual([6, 5]);
    expect(balancedRuns(rows.slice(0, 10), 472, 14)).toEqual([5, 5]);
    expect(balancedRuns(rows.slice(0, 9), 472, 14)).toEqual([9]);
    expect(balancedRuns([...rows, ...rows], 472, 14)).toEqual([8, 7, 7]);
    // Uneven rows: the tallest page as short as it can be, every row placed once.
    const mixed = [120, 30, 30, 30, 200, 30, 30];
    const runs = balancedRuns(mixed, 300, 10);
    expect(runs).toEqual([4, 3]);
    expect(runs.reduce((a, b) => a + b)).toBe(mixed.length);
    // A row taller than a page has a page to itself; into a given number of pages, as asked.
    expect(balancedRuns([50, 500, 50], 300, 0)).toEqual([1, 1, 1]);
    expect(balancedRuns(rows, 472, 14, 4)).toEqual([3, 3, 3, 2]);
    expect(balancedRuns([], 472, 14)).toEqual([]);
  });

  /** n agreements, each underpinning one commitment: n rows of one height. */
  const rows = (n: number) => ({
    nodes: Array.from({ length: n }, (_, i) => [
      node(`a${i}`, 'Agreement', `Memorandum ${i}`),
      node(`c${i}`, 'Commitment', `Commitment ${i}`, `II.1.${i + 1}`),
    ]).flat(),
    edges: Array.from({ length: n }, (_, i) => ({
      source: `a${i}`,
      target: `c${i}`,
      type: 'UNDERPINS',
    })),
  });
  const rowsOn = (page: { boxes: { kind: string }[] }) =>
    page.boxes.filter((b) => b.kind === 'Commitment').length;

  for (const [paper, orientation] of [
    ['slide', 'landscape'],
    ['a4', 'portrait'],
    ['letter', 'landscape'],
  ] as const) {
    it(`balances the underpins view on ${paper} ${orientation}: rows differ by at most one a page, later pages say "continued", all numbered`, () => {
      const setup = pageSetup(paper, orientation, 'en', '2026-01-02');
      // How many rows this sheet's page holds, then a few and many more than that.
      let holds = 1;
      while (underpinsPages(rows(holds + 1), setup, 'U').length === 1) holds++;
      for (const n of [holds + 2, 2 * holds + 1]) {
        const pages = viewPages(rows(n), 'underpins', setup);
        const counts = pages.map(rowsOn);
        expect(
          counts.reduce((a, b) => a + b),
          `${n} rows`,
        ).toBe(n);
        expect(pages).toHaveLength(Math.ceil(n / holds));
        expect(
          Math.max(...counts) - Math.min(...counts),
          `${n} rows: ${counts}`,
        ).toBeLessThanOrEqual(1);
        pages.forEach((p, i) => {
          const words = p.texts.flatMap((t) => t.lines);
          expect(words, `page ${i + 1}`).toContain(`${i + 1} / ${pages.length}`);
          expect(p.texts[0]!.lines.join(' ').endsWith('(continued)')).toBe(i > 0);
          const sizes = [...p.boxes.map((b) => b.fontSize), ...p.texts.map((t) => t.fontSize)];
          expect(Math.min(...sizes)).toBeGreaterThanOrEqual(MIN_FONT);
        });
      }
    });
  }

  it('says "continued" and numbers pages in Japanese too, and leaves a single page unnumbered', () => {
    const setup = pageSetup('slide', 'landscape', 'ja', '2026-01-02');
    const pages = viewPages(rows(20), 'underpins', setup);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[1]!.title).toMatch(/（続き）$/);
    expect(pages[1]!.texts.flatMap((t) => t.lines)).toContain(`2 / ${pages.length}`);
    const one = viewPages(rows(2), 'underpins', setup);
    expect(one).toHaveLength(1);
    expect(one[0]!.texts.flatMap((t) => t.lines).some((l) => / \/ /.test(l))).toBe(false);
    // The page number sits at the top right, its text set against the right edge.
    const svg = pageToSvg(pages[0]!);
    expect(svg).toMatch(new RegExp(`text-anchor="end"[^>]*>1 / ${pages.length}</text>`));
  });

  it('shares the index of commitments evenly over its pages and columns', () => {
    const setup = pageSetup('slide', 'landscape', 'en', '2026-01-02');
    const n = 70;
    const graph = {
      nodes: Array.from({ length: n }, (_, i) =>
        node(`c${i}`, 'Commitment', `Commitment ${i}`, `II.1.${i + 1}`),
      ),
      edges: [],
    };
    const pages = indexPages(graph, setup, 'Index');
    expect(pages.length).toBe(2);
    expect(pages[1]!.title).toBe('Index (continued)');
    // Entries per column: the refs (bold) grouped by their x.
    const perColumn = pages.flatMap((p) => {
      const xs = new Map<number, number>();
      for (const t of p.texts.filter((t) => t.bold && /^II\./.test(t.lines[0] ?? '')))
        xs.set(t.x, (xs.get(t.x) ?? 0) + 1);
      return [...xs.values()];
    });
    expect(perColumn.reduce((a, b) => a + b)).toBe(n);
    expect(Math.max(...perColumn) - Math.min(...perColumn)).toBeLessThanOrEqual(1);
  });

  it('stacks several pages into one tall picture, each page whole, in order', () => {
    const setup = pageSetup('slide', 'landscape', 'en', '2026-01-02');
    const pages = viewPages(rows(20), 'underpins', setup);
    const tall = stackedPagesSvg(pages);
    expect(tall.width).toBe(960);
    expect(tall.height).toBe(pages.length * 540 + (pages.length - 1) * 16);
    expect(tall.svg).toMatch(new RegExp(`^<svg [^>]*viewBox="0 0 960 ${tall.height}"`));
    const nested = [...tall.svg.matchAll(/<svg x="0" y="(\d+)" width="960" height="540"/g)];
    expect(nested.map((m) => Number(m[1]))).toEqual(pages.map((_, i) => i * 556));
    const order = pages.map((_, i) => tall.svg.indexOf(`>${i + 1} / ${pages.length}<`));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});

describe('the briefing deck on the real plan', () => {
  const model = buildGraph({ source, plan, gazetteer, curation });
  const graphIn = (lang: 'en' | 'ja') => ({
    nodes: model.nodes.map((n) =>
      briefNode({ id: n.id, kind: n.label, ...(n.properties as Record<string, string>) }, lang),
    ),
    edges: model.relationships.map((r) => ({ source: r.from.id, target: r.to.id, type: r.type })),
  });

  /** The title page's contents: each part's name and its first and last page. */
  const contentsOf = (deck: ReturnType<typeof deckPages>, lang: 'en' | 'ja') => {
    const texts = deck[0]!.texts;
    const heading = texts.findIndex((t) => t.lines[0] === (lang === 'ja' ? '目次' : 'Contents'));
    expect(heading).toBeGreaterThanOrEqual(0);
    const entries: Array<{ name: string; first: number; last: number }> = [];
    for (let i = heading + 1; i + 1 < texts.length && texts[i + 1]!.align === 'end'; i += 2) {
      const range = /(\d+)(?:–(\d+))?/.exec(texts[i + 1]!.lines[0]!)!;
      entries.push({
        name: texts[i]!.lines.join(lang === 'ja' ? '' : ' '),
        first: Number(range[1]),
        last: Number(range[2] ?? range[1]),
      });
    }
    return entries;
  };

  for (const lang of ['en', 'ja'] as const)
    for (const [paper, orientation] of [
      ['slide', 'landscape'],
      ['a4', 'portrait'],
    ] as const)
      it(`lists on its title page exactly the parts that follow, with their pages (${lang}, ${paper} ${orientation})`, () => {
        const setup = pageSetup(paper, orientation, lang, '2026-01-02');
        const deck = deckPages(graphIn(lang), setup, { date: '2026-01-02', filters: null });
        const contents = contentsOf(deck, lang);
        expect(contents.map((c) => c.name.replace(/：.*|: .*/, ''))).toEqual(
          lang === 'ja'
            ? ['何が何を支えるか', '柱I', '柱II', '柱III', '柱IV', '取組一覧']
            : [
                'What underpins what',
                'Pillar I',
                'Pillar II',
                'Pillar III',
                'Pillar IV',
                'Index of commitments',
              ],
        );
        // The parts follow one another from page 2 to the last page, with nothing between.
        expect(contents[0]!.first).toBe(2);
        for (const [i, c] of contents.slice(1).entries())
          expect(c.first).toBe(contents[i]!.last + 1);
        expect(contents.at(-1)!.last).toBe(deck.length);
        for (const c of contents)
          for (let n = c.first; n <= c.last; n++) {
            const title = deck[n - 1]!.title;
            expect(title, `page ${n}`).toContain(c.name.replace(/ \(.*$/, '').slice(0, 12));
            expect(/continued|続き/.test(title), `page ${n}: ${title}`).toBe(n > c.first);
          }
        // Every page numbered, every word at least 9 pt, the title page's lines above its footer.
        deck.forEach((p, i) => {
          expect(p.texts.flatMap((t) => t.lines)).toContain(`${i + 1} / ${deck.length}`);
          expect(Math.min(...p.texts.map((t) => t.fontSize))).toBeGreaterThanOrEqual(MIN_FONT);
        });
        const footer = deck[0]!.texts.at(-1)!;
        for (const t of deck[0]!.texts.slice(0, -1))
          expect(t.y + t.lines.length * t.fontSize * 1.22).toBeLessThanOrEqual(footer.y);
      });

  it('leaves out a part the filters leave empty, and its title page says so by not listing it', () => {
    const setup = pageSetup('slide', 'landscape', 'en', '2026-01-02');
    const full = graphIn('en');
    const ids = new Set(full.nodes.filter((n) => n.kind !== 'Agreement').map((n) => n.id));
    const graph = {
      nodes: full.nodes.filter((n) => ids.has(n.id)),
      edges: full.edges.filter((e) => ids.has(e.source) && ids.has(e.target)),
    };
    const deck = deckPages(graph, setup, {
      date: '2026-01-02',
      filters: 'kinds left out Agreement',
    });
    const names = contentsOf(deck, 'en').map((c) => c.name);
    expect(names[0]).toMatch(/^Pillar I: /);
    expect(deck.some((p) => p.title.includes('What underpins what'))).toBe(false);
  });

  it('balances a pillar that runs on: the areas each page serves repeated, every line drawn, none of its boxes lost', () => {
    const graph = graphIn('en');
    const setup = pageSetup('slide', 'landscape', 'en', '2026-01-02');
    const pillar = graph.nodes.find((n) => n.kind === 'Pillar' && n.ref === 'I')!;
    const pages = pillarPages(graph, setup, pillar, 'Pillar I');
    expect(pages.length).toBe(2);
    expect(pages[1]!.title).toBe('Pillar I (continued)');
    const agencies = pages.map((p) => p.boxes.filter((b) => b.kind === 'Agency').length);
    expect(Math.min(...agencies)).toBeGreaterThanOrEqual(Math.max(...agencies) / 2);
    // Every box but an area stands on one page only, and every one of its lines is drawn there.
    const shown = pages.flatMap((p) => p.boxes.filter((b) => b.kind !== 'Area').map((b) => b.id));
    expect(new Set(shown).size).toBe(shown.length);
    const whole = pillarPages(graph, pageSetup('a4', 'portrait', 'en', '2026-01-02'), pillar, 'x');
    expect(whole).toHaveLength(1);
    expect(new Set(shown)).toEqual(
      new Set(whole[0]!.boxes.filter((b) => b.kind !== 'Area').map((b) => b.id)),
    );
    expect(pages.reduce((n, p) => n + p.links.length, 0)).toBe(whole[0]!.links.length);
    for (const p of pages) {
      const here = new Set(p.boxes.map((b) => b.id));
      for (const l of p.links) expect(here.has(l.from) && here.has(l.to)).toBe(true);
      expect(Math.max(...p.boxes.map((b) => b.y + b.h))).toBeLessThanOrEqual(
        usableArea(setup, 8).y + usableArea(setup, 8).height + 0.5,
      );
    }
  });
});
