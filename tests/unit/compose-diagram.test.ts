import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  STRIP_HEIGHT,
  type StripData,
  type StripEvent,
  stripEvents,
  timelineStripSvg,
} from '../../client/export/timeline-strip';
import { composeDiagram, largestPngScale } from '../../client/model/compose-diagram';

const drawing = {
  svg: '<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x"><svg xmlns="http://www.w3.org/2000/svg" width="300" height="200"><text>日本国外務省</text></svg>',
  width: 300,
  height: 200,
};

describe('composeDiagram', () => {
  it('frames the drawing with a title, a legend, the source line and the date, as well-formed SVG', () => {
    const out = composeDiagram(drawing, {
      title: 'Plan <&> "briefing"',
      legend: [
        { label: 'Agreement', colour: '#D55E00', mark: 'node' },
        { label: 'underpins', colour: '#D55E00', mark: 'solid' },
      ],
      source: 'Source: Japan–Mongolia Action Plan 2022–2031',
      date: '2026-11-26',
      lang: 'en',
    });
    expect(XMLValidator.validate(out.svg)).toBe(true);
    expect(out.svg).not.toContain('<?xml');
    expect(out.svg).toContain('Plan &lt;&amp;&gt; "briefing"');
    const text = JSON.stringify(new XMLParser().parse(out.svg));
    for (const expected of [
      'Legend',
      'Agreement',
      'underpins',
      'Source: Japan–Mongolia Action Plan 2022–2031',
      '2026-11-26',
      '日本国外務省',
    ]) {
      expect(text).toContain(expected);
    }
    expect(out.width).toBe(24 + 300 + 24 + 250 + 24);
    expect(out.height).toBe(64 + 200 + 40);
  });

  it('leaves out what is switched off', () => {
    const out = composeDiagram(drawing, {
      title: 'T',
      legend: null,
      source: null,
      date: null,
      lang: 'ja',
    });
    expect(out.svg).not.toContain('凡例');
    expect(out.width).toBe(24 + 300 + 24);
  });
});

describe('largestPngScale', () => {
  it('gives the largest scale the browser canvas can hold, or 0', () => {
    expect(largestPngScale(1800, 1400)).toBe(4);
    expect(largestPngScale(9000, 6000)).toBe(2);
    expect(largestPngScale(12_000, 8000)).toBe(1);
    expect(largestPngScale(9000, 3000)).toBe(3);
    expect(largestPngScale(40_000, 100)).toBe(0);
  });
});

/** A small event factory: only what the strip reads. */
const ev = (date: string, refs: string[], deleted = false): StripEvent => ({
  date_start: date,
  date_end: date,
  advances: refs.map((ref) => ({ ref, reason: 'r' })),
  pillars: [...new Set(refs.map((r) => r.split('.')[0]!))],
  deleted,
});

const stripData = (over: Partial<StripData> = {}): StripData => ({
  events: [
    ev('2023-03-10', ['I.1.1']),
    ev('2024-09-22', ['I.3.6', 'II.1.1']),
    ev('2024-10-01', ['IV.1.1']),
    ev('2024-05-05', ['I.1.1'], true),
  ],
  refs: new Set(['I.1.1', 'I.3.6', 'II.1.1']),
  range: null,
  today: '2026-11-30',
  lang: 'en',
  ...over,
});

/** The texts of an SVG fragment, with their font sizes. */
function texts(svg: string): { text: string; size: number }[] {
  return [...svg.matchAll(/<text[^>]*font-size="([\d.]+)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({
    size: Number(m[1]),
    text: m[2]!,
  }));
}

describe('timelineStripSvg', () => {
  it('counts the live events of the diagram’s commitments, by month and pillar, with year ticks, all text ≥ 9', () => {
    const data = stripData();
    expect(stripEvents(data)).toHaveLength(2);
    const svg = timelineStripSvg(data, { x: 24, y: 300, width: 900 }, 'sans-serif');
    expect(XMLValidator.validate(`<svg xmlns="http://www.w3.org/2000/svg">${svg}</svg>`)).toBe(
      true,
    );
    const words = texts(svg);
    expect(words.map((w) => w.text)).toContain(
      '2 events advanced the 3 commitments shown (2022-11 – 2026-12, per month and pillar)',
    );
    expect(words.filter((w) => /^\d{4}$/.test(w.text)).map((w) => w.text)).toEqual([
      '2022',
      '2023',
      '2024',
      '2025',
      '2026',
    ]);
    for (const p of ['Pillar I', 'Pillar II', 'Pillar III', 'Pillar IV'])
      expect(words.map((w) => w.text)).toContain(p);
    for (const w of words) expect(w.size, w.text).toBeGreaterThanOrEqual(9);
    // March 2023 (pillar I), September 2024 (pillars I and II): three coloured parts.
    expect(
      svg.match(/<rect [^>]*height="[\d.]+" fill="#(0072B2|E69F00|009E73|CC79A7)"\/>/g),
    ).toHaveLength(3 + 4);
    expect(svg).not.toContain('timeline-period');
    // Everything inside its box.
    const ys = [...svg.matchAll(/ y="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(300);
    expect(Math.max(...ys)).toBeLessThanOrEqual(300 + STRIP_HEIGHT);
  });

  it('bins by quarter when a month would be too narrow, marks the chosen period, and speaks Japanese', () => {
    const range = { from: '2024-01-01', to: '2024-12-31' };
    const svg = timelineStripSvg(
      stripData({ range, lang: 'ja' }),
      { x: 0, y: 0, width: 300 },
      'sans-serif',
    );
    const words = texts(svg).map((w) => w.text);
    expect(words).toContain(
      '表示中の取組3件を進めた出来事：2件（2022-11～2026-12、四半期・柱ごと）',
    );
    expect(words).toContain('選択した期間：2024-01-01～2024-12-31');
    expect(words).toContain('柱I');
    // 2022 has only November and December: on a narrow strip too short for its number.
    expect(words.filter((w) => /^\d{4}$/.test(w))).toEqual(['2023', '2024', '2025', '2026']);
    expect(svg).toContain('class="timeline-period"');
    const en = timelineStripSvg(stripData({ range }), { x: 0, y: 0, width: 300 }, 'sans-serif');
    expect(texts(en).map((w) => w.text)).toContain('Period chosen: 2024-01-01 – 2024-12-31');
  });

  it('goes under the composed diagram, which grows by its height', () => {
    const meta = { title: 'T', legend: null, source: null, date: null, lang: 'en' as const };
    const without = composeDiagram(drawing, meta);
    const withStrip = composeDiagram(drawing, { ...meta, timeline: stripData() });
    expect(withStrip.height).toBe(without.height + STRIP_HEIGHT + 16);
    expect(XMLValidator.validate(withStrip.svg)).toBe(true);
    expect(withStrip.svg).toContain('class="timeline-strip"');
    expect(without.svg).not.toContain('timeline-strip');
  });
});
