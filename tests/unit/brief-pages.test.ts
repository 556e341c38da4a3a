import { describe, expect, it } from 'vitest';
import { briefNode, briefTitle, deckPages, footerLine, pageSetup } from '../../client/export/brief';
import { MIN_FONT, paperSize, underpinsPages, usableArea } from '../../client/export/brief-pages';
import { pageToSvg } from '../../client/export/brief-svg';
import { textWidth, wrapText } from '../../client/export/brief-text';

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
    expect(footerLine('en', '2026-01-02')).toMatch(/^Source: .*Kizuna \d+\.\d+\.\d+ .*2026-01-02$/);
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

  it('assembles a deck: title page, underpins, the index of commitments', () => {
    const setup = pageSetup('slide', 'landscape', 'en', '2026-01-02');
    const pages = deckPages(graph, setup, { date: '2026-01-02', filters: null });
    expect(pages[0]!.texts.some((t) => t.lines.join(' ').includes('Kizuna'))).toBe(true);
    expect(pages[1]!.title).toContain('What underpins what');
    expect(pages.at(-1)!.title).toBe('Index of commitments');
  });
});
