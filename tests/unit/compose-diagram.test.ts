import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
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
